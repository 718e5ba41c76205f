import { Link, useParams } from 'react-router-dom';
import { getTopicMetrics, getTopicStats } from '../../api/topics';
import { useInterval, useResource } from '../../app/useResource';
import { formatRate } from '../../components/format';
import { LineChart } from '../../components/LineChart';
import { ProblemMessage } from '../../components/ProblemMessage';
import { Time } from '../../components/Time';
import { useInstanceContext } from '../instances/instanceContext';

const RATE_LINES = [
  { metric: 'sendTps', label: 'Send/s', color: '#2563eb' },
  { metric: 'receiveTps', label: 'Receive/s', color: '#16a34a' },
];

/** One topic: message count, current rates, its queues and the rates of the last hour as a chart. */
export function TopicDetailPage() {
  const { instance } = useInstanceContext();
  const { topic = '' } = useParams();
  const key = `${instance.id}/${topic}`;
  const stats = useResource(() => getTopicStats(instance.id, topic), key);
  const metrics = useResource(() => getTopicMetrics(instance.id, topic), key);
  useInterval(stats.reload, 10_000);
  useInterval(metrics.reload, 10_000);
  return (
    <div>
      <h2>
        <Link to={`/instances/${instance.id}/topics`}>Topics</Link> / {topic}
      </h2>
      <ProblemMessage problem={stats.problem} />
      {stats.data !== null && (
        <>
          <dl className="facts">
            <dt>Messages</dt>
            <dd data-testid="message-count">{stats.data.messageCount}</dd>
            <dt>Send rate (msg/s)</dt>
            <dd data-testid="send-tps">{formatRate(stats.data.sendTps)}</dd>
            <dt>Receive rate (msg/s)</dt>
            <dd data-testid="receive-tps">{formatRate(stats.data.receiveTps)}</dd>
          </dl>
          <table aria-label="Queues">
            <thead>
              <tr>
                <th>Broker</th>
                <th>Queue</th>
                <th>Min offset</th>
                <th>Max offset</th>
                <th>Last stored</th>
              </tr>
            </thead>
            <tbody>
              {stats.data.queues.map((queue) => (
                <tr key={`${queue.brokerName}/${queue.queueId}`} data-queue={`${queue.brokerName}/${queue.queueId}`}>
                  <td>{queue.brokerName}</td>
                  <td>{queue.queueId}</td>
                  <td className="min-offset">{queue.minOffset}</td>
                  <td className="max-offset">{queue.maxOffset}</td>
                  <td><Time value={queue.lastStoreTime} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <ProblemMessage problem={metrics.problem} />
      {metrics.data !== null && (
        <LineChart title="Send and receive rates, last hour (msg/s)" points={metrics.data.points} lines={RATE_LINES} />
      )}
    </div>
  );
}
