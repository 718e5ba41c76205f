import { useState } from 'react';
import { changeUpgradeWindow, UpgradeWindowView, WindowAction } from '../../api/upgrades';
import { useMutation } from '../../app/useResource';
import { useRoleReason } from '../../app/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { Time } from '../../components/Time';
import { RescheduleWindowForm } from './RescheduleWindowForm';

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

/** One window with the state changes it allows (a scheduled one can be moved); a refusal is shown in the row. */
export function UpgradeWindowRow({ window, onChanged }: { window: UpgradeWindowView; onChanged: () => void }) {
  const { problem, busy, run } = useMutation();
  const reason = useRoleReason();
  const [rescheduling, setRescheduling] = useState(false);
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
        {window.state === 'SCHEDULED' && (
          <button disabled={reason !== null} title={reason ?? undefined} onClick={() => setRescheduling(!rescheduling)}>
            {rescheduling ? 'Close' : 'Reschedule'}
          </button>
        )}
        <ProblemMessage problem={problem} />
        {rescheduling && window.state === 'SCHEDULED' && (
          <RescheduleWindowForm window={window} onRescheduled={() => {
            setRescheduling(false);
            onChanged();
          }} />
        )}
      </td>
    </tr>
  );
}
