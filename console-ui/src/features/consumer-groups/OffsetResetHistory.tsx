import { OffsetResetView, undoOffsetReset } from '../../api/consumerGroups';
import { useMutation } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { Time } from '../../components/Time';
import { useInstanceContext } from '../instances/instanceContext';

/** Applied resets of the group, newest first, each with its undo. */
export function OffsetResetHistory({ group, resets, onUndone }: {
  group: string;
  resets: OffsetResetView[];
  onUndone: () => void;
}) {
  return (
    <table aria-label="Applied offset resets">
      <thead>
        <tr>
          <th>Applied</th>
          <th>Target</th>
          <th>Skipped</th>
          <th>Redelivered</th>
          <th>Undone</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {resets.map((reset) => (
          <ResetRow key={reset.id} group={group} reset={reset} onUndone={onUndone} />
        ))}
        {resets.length === 0 && (
          <tr>
            <td colSpan={6}>No reset applied yet.</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function ResetRow({ group, reset, onUndone }: { group: string; reset: OffsetResetView; onUndone: () => void }) {
  const { instance, lock, reason } = useInstanceContext();
  const { problem, busy, run } = useMutation();
  async function undo() {
    const failure = await run(() => undoOffsetReset(instance.id, group, reset.id!));
    if (failure === null) {
      onUndone();
    } else if (failure.isLocked) {
      lock.refresh();
    }
  }
  return (
    <tr data-reset-id={reset.id}>
      <td><Time value={reset.createdAt} /></td>
      <td>{reset.target}{reset.timestamp !== null && ` ${reset.timestamp}`}</td>
      <td>{reset.totalSkipped}</td>
      <td>{reset.totalRedelivered}</td>
      <td className="undone"><Time value={reset.undoneAt} /></td>
      <td>
        {reset.undoneAt === null && (
          <button disabled={busy || reason !== null} title={reason ?? undefined} onClick={undo}>Undo</button>
        )}
        <ProblemMessage problem={problem} />
      </td>
    </tr>
  );
}
