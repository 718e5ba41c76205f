import { useEffect, useState } from 'react';
import { getSwitchoverJob, isJobDone, startSwitchover, SwitchoverJobView } from '../../api/failover';
import { newIdempotencyKey } from '../../api/idempotency';
import { useRoleReason } from '../../app/session';
import { useInterval, useMutation, useResource } from '../../app/useResource';
import { DisabledReason } from '../../components/DisabledReason';
import { ProblemMessage } from '../../components/ProblemMessage';
import { SwitchoverJobStatus } from './SwitchoverJobStatus';

/** How often a running switchover job is read again. */
const JOB_POLL_MS = 1000;

/**
 * Starts a switchover of one broker group (202: a job) and follows the job until it ends, then calls
 * `onEnded` (the node list changes); a refusal (409: an upgrade window scheduled, running or paused, no slave
 * UP…) is shown next to the button. One Idempotency-Key per started job, so a retried click after a lost answer
 * starts no second one.
 */
export function SwitchoverControl({ cluster, brokerName, onEnded }: {
  cluster: string;
  brokerName: string;
  onEnded: () => void;
}) {
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [accepted, setAccepted] = useState<SwitchoverJobView | null>(null);
  const { problem, busy, run } = useMutation();
  const polled = useResource(
    () => (accepted === null ? Promise.resolve(null) : getSwitchoverJob(cluster, accepted.id)),
    accepted?.id ?? '',
  );
  const job = polled.data !== null && polled.data.id === accepted?.id ? polled.data : accepted;
  const running = job !== null && !isJobDone(job.state);
  useInterval(polled.reload, JOB_POLL_MS, running);
  const ended = job !== null && !running;
  useEffect(() => {
    if (ended) {
      onEnded();
    }
  }, [ended]);

  async function start() {
    const failure = await run(async () => setAccepted(await startSwitchover(cluster, brokerName, idempotencyKey)));
    if (failure === null) {
      setIdempotencyKey(newIdempotencyKey());
    }
  }

  const reason = useRoleReason() ?? (running ? 'A switchover of this group is running' : null);
  return (
    <div className="actions">
      <button disabled={busy || reason !== null} onClick={start}>Switch over</button>
      <DisabledReason reason={reason} />
      <ProblemMessage problem={problem} />
      <ProblemMessage problem={polled.problem} />
      {job !== null && <SwitchoverJobStatus job={job} />}
    </div>
  );
}
