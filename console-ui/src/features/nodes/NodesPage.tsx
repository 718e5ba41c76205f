import { listNodes, NodeView } from '../../api/nodes';
import { useCluster } from '../../app/useCluster';
import { useResource } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { Time } from '../../components/Time';

function roleOf(node: NodeView): string {
  if (node.role !== 'BROKER') {
    return node.role;
  }
  return node.brokerId === 0 ? 'BROKER (master)' : 'BROKER (slave)';
}

/** The nodes of a cluster as the registry last measured them. */
export function NodesPage() {
  const cluster = useCluster();
  const nodes = useResource(() => listNodes(cluster), cluster);
  return (
    <section>
      <h1>Nodes of cluster {cluster}</h1>
      <button onClick={nodes.reload}>Refresh</button>
      <ProblemMessage problem={nodes.problem} />
      <table>
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
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
