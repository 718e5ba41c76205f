import { isJobDone, SwitchoverJobView } from '../../api/failover';

function outcome(job: SwitchoverJobView): string {
  if (job.state === 'SUCCEEDED') {
    return `${job.toNodeId} leads in epoch ${job.epoch ?? '?'}, ${job.fromNodeId} follows`;
  }
  if (job.state === 'FAILED') {
    return job.detail ?? 'no reason given';
  }
  const epoch = job.epoch === null ? '' : `, epoch ${job.epoch}`;
  return `${job.fromNodeId} → ${job.toNodeId}${epoch} (watching…)`;
}

/** Where a switchover job stands; once it ended, its outcome (who leads, or why it failed). */
export function SwitchoverJobStatus({ job }: { job: SwitchoverJobView }) {
  const done = isJobDone(job.state);
  const tone = job.state === 'SUCCEEDED' ? ' up' : job.state === 'FAILED' ? ' down' : '';
  return (
    <div className={`job${tone}`} role="status" aria-label={`Switchover of ${job.brokerName}`} data-job-id={job.id}
      data-state={job.state} data-done={done}>
      Switchover <strong className="job-state">{job.state}</strong>: <span className="job-outcome">{outcome(job)}</span>
    </div>
  );
}
