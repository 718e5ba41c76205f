import { BrokerGroupRole, getCluster } from '../../api/clusters';
import { NodeView } from '../../api/nodes';
import { useResource } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { SwitchoverControl } from './SwitchoverControl';

interface BrokerGroup {
  name: string;
  master: string | null;
  slaves: string[];
}

/** The broker groups of `nodes` by name, with their master (broker id 0) and slaves. */
function brokerGroups(nodes: NodeView[]): BrokerGroup[] {
  const names = [...new Set(nodes.flatMap((node) => (node.brokerName === null ? [] : [node.brokerName])))].sort();
  return names.map((name) => {
    const members = nodes.filter((node) => node.brokerName === name);
    return {
      name,
      master: members.find((node) => node.brokerId === 0)?.nodeId ?? null,
      slaves: members.filter((node) => node.brokerId !== 0).map((node) => node.nodeId),
    };
  });
}

/**
 * One row per broker group: its configured master role (the cluster's configuration: a SYNC_MASTER group fails over
 * automatically), who leads, who follows, and the planned switchover of its master.
 */
export function BrokerGroupsSection({ cluster, nodes, onSwitched }: {
  cluster: string;
  nodes: NodeView[];
  onSwitched: () => void;
}) {
  const clusterView = useResource(() => getCluster(cluster), cluster);
  const roles: Record<string, BrokerGroupRole> = clusterView.data?.brokerGroupRoles ?? {};
  return (
    <section aria-label="Broker groups">
      <h2>Broker groups</h2>
      <ProblemMessage problem={clusterView.problem} />
      <table>
        <thead>
          <tr>
            <th>Group</th>
            <th>Configured role</th>
            <th>Master</th>
            <th>Slaves</th>
            <th>Switchover</th>
          </tr>
        </thead>
        <tbody>
          {brokerGroups(nodes).map((group) => (
            <tr key={group.name} data-broker-group={group.name}>
              <td>{group.name}</td>
              <td className="configured-role">{roles[group.name] ?? '–'}</td>
              <td className="master">{group.master ?? '–'}</td>
              <td className="slaves">{group.slaves.join(', ') || '–'}</td>
              <td><SwitchoverControl cluster={cluster} brokerName={group.name} onEnded={onSwitched} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
