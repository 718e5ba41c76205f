import { UpgradeWindowView } from '../../api/upgrades';
import { Time } from '../../components/Time';

/** Shown on every page of an instance whose cluster is being upgraded. */
export function UpgradeLockBanner({ window }: { window: UpgradeWindowView | null }) {
  if (window === null) {
    return null;
  }
  return (
    <div className="banner" role="status" data-window-id={window.id}>
      <strong>Upgrade in progress.</strong> Upgrade window <code>{window.id}</code> of cluster{' '}
      <code>{window.cluster}</code> (target version {window.targetVersion}) locks topic, group and instance
      changes. Expected end: <Time value={window.endsAt} />.
    </div>
  );
}
