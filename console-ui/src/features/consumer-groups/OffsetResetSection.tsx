import { FormEvent, useState } from 'react';
import {
  listOffsetResets,
  OffsetResetRequest,
  OffsetResetView,
  resetOffsets,
  RESET_TARGETS,
  ResetTarget,
} from '../../api/consumerGroups';
import { useMutation, useResource } from '../../app/useResource';
import { DisabledReason } from '../../components/DisabledReason';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useInstanceContext } from '../instances/instanceContext';
import { OffsetResetHistory } from './OffsetResetHistory';
import { OffsetResetPreview } from './OffsetResetPreview';

/**
 * Resets the group's offsets in two steps: a dry run shows per queue what would be skipped or delivered
 * again, then "Apply reset" sends the same request for real. Applied resets are listed with their undo.
 */
export function OffsetResetSection({ group }: { group: string }) {
  const { instance, lock, reason } = useInstanceContext();
  const [target, setTarget] = useState<ResetTarget>('EARLIEST');
  const [timestamp, setTimestamp] = useState('');
  const [preview, setPreview] = useState<{ request: OffsetResetRequest; answer: OffsetResetView } | null>(null);
  const previewing = useMutation();
  const applying = useMutation();
  const history = useResource(() => listOffsetResets(instance.id, group), `${instance.id}/${group}`);

  function request(): OffsetResetRequest {
    return target === 'TIMESTAMP'
      ? { target, timestamp: new Date(timestamp).toISOString(), dryRun: true }
      : { target, dryRun: true };
  }

  async function showPreview(event: FormEvent) {
    event.preventDefault();
    setPreview(null);
    const dryRun = request();
    await previewing.run(async () =>
      setPreview({ request: dryRun, answer: await resetOffsets(instance.id, group, dryRun) }));
  }

  async function apply() {
    if (preview === null) {
      return;
    }
    const failure = await applying.run(() => resetOffsets(instance.id, group, { ...preview.request, dryRun: false }));
    if (failure === null) {
      setPreview(null);
      history.reload();
    } else if (failure.isLocked) {
      lock.refresh();
    }
  }

  return (
    <section aria-label="Offset reset">
      <h3>Reset offsets</h3>
      <form onSubmit={showPreview} aria-label="Preview offset reset">
        <label>
          Reset to{' '}
          <select value={target} onChange={(e) => setTarget(e.target.value as ResetTarget)}>
            {RESET_TARGETS.map((value) => (
              <option key={value} value={value}>{value}</option>
            ))}
          </select>
        </label>
        {target === 'TIMESTAMP' && (
          <label>
            Time <input type="datetime-local" value={timestamp} onChange={(e) => setTimestamp(e.target.value)}
              required />
          </label>
        )}
        <button type="submit" disabled={previewing.busy || reason !== null}>Preview</button>
        <DisabledReason reason={reason} />
        <ProblemMessage problem={previewing.problem} />
      </form>
      {preview !== null && (
        <OffsetResetPreview preview={preview.answer} onApply={apply} busy={applying.busy} reason={reason}
          problem={applying.problem} />
      )}
      <ProblemMessage problem={history.problem} />
      {history.data !== null && <OffsetResetHistory group={group} resets={history.data} onUndone={history.reload} />}
    </section>
  );
}
