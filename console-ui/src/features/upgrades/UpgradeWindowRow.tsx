import { changeUpgradeWindow, UpgradeWindowView, WindowAction } from '../../api/upgrades';
import { useMutation } from '../../app/useResource';
import { useRoleReason } from '../../app/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { Time } from '../../components/Time';

const ACTIONS: Record<string, { action: WindowAction; label: string }[]> = {
  SCHEDULED: [
    { action: 'start', label: 'Start now' },
    { action: 'cancel', label: 'Cancel' },
  ],
  IN_PROGRESS: [{ action: 'abort', label: 'Abort' }],
};

/** One window with the state changes it allows; a refused change is shown in the row. */
export function UpgradeWindowRow({ window, onChanged }: { window: UpgradeWindowView; onChanged: () => void }) {
  const { problem, busy, run } = useMutation();
  const reason = useRoleReason();
  async function apply(action: WindowAction) {
    const failure = await run(() => changeUpgradeWindow(window.cluster, window.id, action));
    if (failure === null) {
      onChanged();
    }
  }
  return (
    <tr data-window-id={window.id}>
      <td><code>{window.id}</code></td>
      <td className="state">{window.state}</td>
      <td><Time value={window.startsAt} /></td>
      <td><Time value={window.endsAt} /></td>
      <td>{window.targetVersion}</td>
      <td>
        {(ACTIONS[window.state] ?? []).map(({ action, label }) => (
          <button
            key={action}
            disabled={busy || reason !== null}
            title={reason ?? undefined}
            onClick={() => apply(action)}
          >
            {label}
          </button>
        ))}
        <ProblemMessage problem={problem} />
      </td>
    </tr>
  );
}
