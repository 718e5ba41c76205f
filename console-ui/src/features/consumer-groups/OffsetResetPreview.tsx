import { ApiProblem } from '../../api/http';
import { OffsetResetView } from '../../api/consumerGroups';
import { DisabledReason } from '../../components/DisabledReason';
import { ProblemMessage } from '../../components/ProblemMessage';

export interface OffsetResetPreviewProps {
  /** The dry run's answer. */
  preview: OffsetResetView;
  onApply: () => void;
  busy: boolean;
  /** Why applying is disabled (upgrade lock, role), or null. */
  reason: string | null;
  /** The server's refusal of the apply, shown next to the button. */
  problem: ApiProblem | null;
}

/**
 * What a reset would do, per queue (current → new offset, messages skipped or delivered again), and the
 * button that applies it.
 */
export function OffsetResetPreview({ preview, onApply, busy, reason, problem }: OffsetResetPreviewProps) {
  return (
    <section className="preview" aria-label="Offset reset preview">
      <h4>
        Preview: reset to {preview.target}
        {preview.timestamp !== null && ` ${preview.timestamp}`}
      </h4>
      <table>
        <thead>
          <tr>
            <th>Topic</th>
            <th>Broker</th>
            <th>Queue</th>
            <th>Current offset</th>
            <th>New offset</th>
            <th>Skipped</th>
            <th>Redelivered</th>
          </tr>
        </thead>
        <tbody>
          {preview.queues.map((queue) => (
            <tr key={`${queue.topic}/${queue.brokerName}/${queue.queueId}`}
              data-queue={`${queue.topic}/${queue.brokerName}/${queue.queueId}`}>
              <td>{queue.topic}</td>
              <td>{queue.brokerName}</td>
              <td>{queue.queueId}</td>
              <td className="current-offset">{queue.currentOffset}</td>
              <td className="new-offset">{queue.newOffset}</td>
              <td className="skipped">{queue.skipped}</td>
              <td className="redelivered">{queue.redelivered}</td>
            </tr>
          ))}
          {preview.queues.length === 0 && (
            <tr>
              <td colSpan={7}>The group has no offsets yet: nothing to reset.</td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={5}>Total</th>
            <td data-testid="total-skipped">{preview.totalSkipped}</td>
            <td data-testid="total-redelivered">{preview.totalRedelivered}</td>
          </tr>
        </tfoot>
      </table>
      <div className="actions">
        <button type="button" onClick={onApply} disabled={busy || reason !== null}>Apply reset</button>
        <DisabledReason reason={reason} />
        <ProblemMessage problem={problem} />
      </div>
    </section>
  );
}
