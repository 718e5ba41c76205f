import { Fragment } from 'react';
import { CanaryReport } from '../../../api/upgradeReport';
import { formatLatency } from '../../../components/format';

const COUNTS: { key: keyof CanaryReport; label: string }[] = [
  { key: 'sent', label: 'Sent' },
  { key: 'acknowledged', label: 'Acknowledged' },
  { key: 'failedSends', label: 'Failed sends' },
  { key: 'received', label: 'Received' },
  { key: 'duplicated', label: 'Duplicated' },
  { key: 'lost', label: 'Lost' },
];

/** What the canary measured over the window: its counts and the send latency p99 before vs during. */
export function CanaryFigures({ canary }: { canary: CanaryReport | null }) {
  if (canary === null) {
    return <p className="empty">No canary figures for this window.</p>;
  }
  return (
    <div aria-label="Canary">
      <p>
        Canary of instance <code>{canary.instanceId}</code> on topic <code>{canary.topic}</code>
      </p>
      <dl className="facts">
        {COUNTS.map(({ key, label }) => (
          <Fragment key={key}>
            <dt>{label}</dt>
            <dd data-figure={key}>{canary[key]}</dd>
          </Fragment>
        ))}
        <dt>Send latency p99 before → during</dt>
        <dd data-figure="p99">
          {formatLatency(canary.sendLatencyP99BeforeMillis)} → {formatLatency(canary.sendLatencyP99DuringMillis)}
        </dd>
      </dl>
    </div>
  );
}
