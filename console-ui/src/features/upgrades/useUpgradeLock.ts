import { isLocking, listUpgradeWindows, UpgradeWindowView } from '../../api/upgrades';
import { useResource } from '../../app/useResource';

/** The upgrade lock of a cluster as the console shows it. */
export interface UpgradeLock {
  /** The window that locks the cluster now, or null. */
  window: UpgradeWindowView | null;
  /** Why changes are disabled, or null when they are not. */
  reason: string | null;
  /** Reads the windows again, e.g. after the server answered 423 to a stale page. */
  refresh: () => void;
}

const CHECKING = 'Checking for a running upgrade window…';

export function lockReason(window: UpgradeWindowView | null): string | null {
  return window === null ? null : `Locked by upgrade window ${window.id} until ${window.endsAt}`;
}

/** Reads the cluster's upgrade windows once per page and on `refresh`. */
export function useUpgradeLock(cluster: string | undefined): UpgradeLock {
  const windows = useResource(
    () => (cluster === undefined ? Promise.resolve(null) : listUpgradeWindows(cluster)),
    cluster ?? '',
  );
  const window = windows.data?.find((candidate) => isLocking(candidate.state)) ?? null;
  // Until the windows are read the lock is unknown; if they cannot be read the server still refuses (423).
  const checking = windows.data === null && windows.problem === null;
  return { window, reason: checking ? CHECKING : lockReason(window), refresh: windows.reload };
}
