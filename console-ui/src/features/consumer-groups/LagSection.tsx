import { getConsumerGroupMetrics, getConsumerLag } from '../../api/consumerGroups';
import { useInterval, useResource } from '../../app/useResource';
import { LineChart } from '../../components/LineChart';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useInstanceContext } from '../instances/instanceContext';

const LAG_LINE = [{ metric: 'lag', label: 'Lag', color: '#c2410c' }];

/**
 * How far the group is behind, per queue and in total, its retry backlog and dead letters, and the total lag of
 * the last hour as a chart.
 */
export function LagSection({ group }: { group: string }) {
  const { instance } = useInstanceContext();
  const key = `${instance.id}/${group}`;
  const lag = useResource(() => getConsumerLag(instance.id, group), key);
  const metrics = useResource(() => getConsumerGroupMetrics(instance.id, group), key);
  useInterval(lag.reload, 10_000);
  useInterval(metrics.reload, 10_000);
  return (
    <section aria-label="Lag">
      <h3>
        Lag: <span data-testid="total-lag">{lag.data?.totalLag ?? '…'}</span> messages
      </h3>
      <p>
        Waiting for a retry: <span data-testid="retry-backlog">{lag.data?.retryBacklog ?? '…'}</span> · Dead
        letters: <span data-testid="dead-letters">{lag.data?.deadLetters ?? '…'}</span>
      </p>
      <ProblemMessage problem={lag.problem} />
      <table aria-label="Lag per queue">
        <thead>
          <tr>
            <th>Topic</th>
            <th>Broker</th>
            <th>Queue</th>
            <th>Broker offset</th>
            <th>Consumer offset</th>
            <th>Lag</th>
          </tr>
        </thead>
        <tbody>
          {lag.data?.queues.map((queue) => (
            <tr key={`${queue.topic}/${queue.brokerName}/${queue.queueId}`}
              data-queue={`${queue.topic}/${queue.brokerName}/${queue.queueId}`}>
              <td>{queue.topic}</td>
              <td>{queue.brokerName}</td>
              <td>{queue.queueId}</td>
              <td>{queue.brokerOffset}</td>
              <td>{queue.consumerOffset}</td>
              <td className="lag">{queue.lag}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ProblemMessage problem={metrics.problem} />
      {metrics.data !== null && (
        <LineChart title="Lag, last hour (messages)" points={metrics.data.points} lines={LAG_LINE} />
      )}
    </section>
  );
}
