import { useState } from 'react';
import { ApiProblem } from '../../../api/http';
import { getPreCheck, PreCheckView, runPreCheck } from '../../../api/upgradeProgress';
import { useRoleReason } from '../../../app/session';
import { useMutation, useResource } from '../../../app/useResource';
import { DisabledReason } from '../../../components/DisabledReason';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { PreCheckResult } from './PreCheckResult';

/** Whether the API answered that no pre-check of the window ran (rather than that the window is unknown). */
function noneRan(problem: ApiProblem | null): boolean {
  return problem?.status === 404 && String(problem.members.resource ?? '').startsWith('pre-check');
}

function newest(a: PreCheckView | null, b: PreCheckView | null): PreCheckView | null {
  if (a === null || b === null) {
    return a ?? b;
  }
  return Date.parse(a.checkedAt) >= Date.parse(b.checkedAt) ? a : b;
}

/**
 * The window's stored pre-check (read again whenever `stateKey` changes, as a start runs it again) and a
 * button that runs it now; a refusal is shown next to the button.
 */
export function PreCheckSection({ cluster, windowId, stateKey, ended }: {
  cluster: string;
  windowId: string;
  stateKey: string;
  ended: boolean;
}) {
  const stored = useResource(() => getPreCheck(cluster, windowId), `${cluster}/${windowId}/${stateKey}`);
  const [ran, setRan] = useState<PreCheckView | null>(null);
  const { problem, busy, run } = useMutation();
  const reason = useRoleReason() ?? (ended ? 'The window has ended; a pre-check runs only before it ends' : null);
  const shown = newest(ran, stored.data);
  return (
    <section aria-label="Pre-check">
      <h2>Pre-check</h2>
      <div className="actions">
        <button disabled={busy || reason !== null}
          onClick={() => run(async () => setRan(await runPreCheck(cluster, windowId)))}>
          Run pre-check
        </button>
        <DisabledReason reason={reason} />
        <ProblemMessage problem={problem} />
      </div>
      {shown === null && noneRan(stored.problem) && <p className="empty">No pre-check has run for this window yet.</p>}
      {!noneRan(stored.problem) && <ProblemMessage problem={stored.problem} />}
      {shown !== null && <PreCheckResult check={shown} />}
    </section>
  );
}
