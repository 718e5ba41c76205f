import { getConsumerClients } from '../../api/consumerGroups';
import { useResource } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { Time } from '../../components/Time';
import { useInstanceContext } from '../instances/instanceContext';

/** The consumers connected now, with their SDK language and version. */
export function ClientsSection({ group }: { group: string }) {
  const { instance } = useInstanceContext();
  const clients = useResource(() => getConsumerClients(instance.id, group), `${instance.id}/${group}`);
  return (
    <section aria-label="Connected clients">
      <h3>Connected clients</h3>
      <ProblemMessage problem={clients.problem} />
      <table>
        <thead>
          <tr>
            <th>Client</th>
            <th>Address</th>
            <th>SDK</th>
            <th>Broker</th>
            <th>Last heartbeat</th>
          </tr>
        </thead>
        <tbody>
          {clients.data?.clients.map((client) => (
            <tr key={client.clientId} data-client-id={client.clientId}>
              <td><code>{client.clientId}</code></td>
              <td>{client.address}</td>
              <td className="sdk">{client.language} {client.versionName}</td>
              <td>{client.brokerName}</td>
              <td><Time value={client.lastHeartbeat} /></td>
            </tr>
          ))}
          {clients.data?.clients.length === 0 && (
            <tr>
              <td colSpan={5}>No client of this group is connected.</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
