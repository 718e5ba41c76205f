import { listNodes, NodeView } from '../../api/nodes';
import { useCluster } from '../../app/useCluster';
import { useInterval, useResource } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { Time } from '../../components/Time';
import { formatMillis } from '../../components/format';
import { BrokerGroupsSection } from './BrokerGroupsSection';

/** How often the node list is read again (the registry checks health every two seconds). */
const REFRESH_MS = 5000;

function roleOf(node: NodeView): string {
  if (node.role !== 'BROKER') {
    return node.role;
  }
  return node.brokerId === 0 ? 'BROKER (master)' : 'BROKER (slave)';
}

/** The replication cells of a node: a name server (or a broker not checked yet) has none. */
function ReplicationCells({ node }: { node: NodeView }) {
  const replication = node.replication;
  if (replication === null) {
    return <td colSpan={5} className="empty">–</td>;
  }
  return (
    <>
      <td className="replication-role" title={`checked ${replication.checkedAt}`}>{replication.brokerRole}</td>
      <td className="epoch">{replication.epoch}</td>
      <td className="lag-bytes">{replication.lagBytes}</td>
      <td className="lag-time">{formatMillis(replication.lagMillis)}</td>
      <td className={replication.inSync ? 'in-sync up' : 'in-sync down'}>{replication.inSync ? 'yes' : 'no'}</td>
    </>
  );
}

/** How a broker's store was recovered at its process's start; a name server has no store. */
function RecoveryCell({ node }: { node: NodeView }) {
  const recovery = node.recovery;
  if (recovery === null) {
    return <td className="recovery empty">–</td>;
  }
  const tornTail = recovery.tornTailTruncated ? ' · torn tail cut' : '';
  return (
    <td className={recovery.mode === 'NORMAL' ? 'recovery' : 'recovery down'}
      title={`recovered up to commit-log offset ${recovery.recoveredOffset}`}>
      {`${recovery.mode} · ${formatMillis(recovery.durationMillis)}${tornTail}`}
    </td>
  );
}

/** The nodes of a cluster as the registry last measured them, their replication, and switchovers per group. */
export function NodesPage() {
  const cluster = useCluster();
  const nodes = useResource(() => listNodes(cluster), cluster);
  useInterval(nodes.reload, REFRESH_MS);
  return (
    <section>
      <h1>Nodes of cluster {cluster}</h1>
      <button onClick={nodes.reload}>Refresh</button>
      <ProblemMessage problem={nodes.problem} />
      <table aria-label="Nodes">
        <thead>
          <tr>
            <th>Node</th>
            <th>Role</th>
            <th>Broker group</th>
            <th>State</th>
            <th>Version</th>
            <th>PID</th>
            <th>Address</th>
            <th>Last seen</th>
            <th>Replication role</th>
            <th>Epoch</th>
            <th>Lag (bytes)</th>
            <th>Lag (time)</th>
            <th>In sync</th>
            <th>Store recovery</th>
          </tr>
        </thead>
        <tbody>
          {nodes.data?.map((node) => (
            <tr key={node.nodeId} data-node-id={node.nodeId}>
              <td>{node.nodeId}</td>
              <td>{roleOf(node)}</td>
              <td>{node.brokerName ?? '–'}</td>
              <td className={node.state === 'UP' ? 'up' : 'down'}>{node.state}</td>
              <td>{node.version ?? '–'}</td>
              <td>{node.pid ?? '–'}</td>
              <td>{node.remotingAddress}</td>
              <td><Time value={node.lastSeenAt} /></td>
              <ReplicationCells node={node} />
              <RecoveryCell node={node} />
            </tr>
          ))}
        </tbody>
      </table>
      {nodes.data !== null && <BrokerGroupsSection cluster={cluster} nodes={nodes.data} onSwitched={nodes.reload} />}
    </section>
  );
}
