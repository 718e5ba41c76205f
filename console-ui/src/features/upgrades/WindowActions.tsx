import { changeUpgradeWindow, UpgradeWindowView, WindowAction } from '../../api/upgrades';
import { useRoleReason } from '../../app/session';
import { useMutation } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';

const ACTIONS: Record<string, { action: WindowAction; label: string }[]> = {
  SCHEDULED: [
    { action: 'start', label: 'Start now' },
    { action: 'cancel', label: 'Cancel' },
  ],
  IN_PROGRESS: [
    { action: 'pause', label: 'Pause' },
    { action: 'abort', label: 'Abort' },
  ],
  PAUSED: [
    { action: 'resume', label: 'Resume' },
    { action: 'abort', label: 'Abort' },
  ],
};

/** The state changes a window allows in its state; a refusal is shown next to the buttons. */
export function WindowActions({ window, onChanged }: { window: UpgradeWindowView; onChanged: () => void }) {
  const { problem, busy, run } = useMutation();
  const reason = useRoleReason();
  async function apply(action: WindowAction) {
    const failure = await run(() => changeUpgradeWindow(window.cluster, window.id, action));
    if (failure === null) {
      onChanged();
    }
  }
  return (
    <>
      {(ACTIONS[window.state] ?? []).map(({ action, label }) => (
        <button key={action} disabled={busy || reason !== null} title={reason ?? undefined}
          onClick={() => apply(action)}>
          {label}
        </button>
      ))}
      <ProblemMessage problem={problem} />
    </>
  );
}
