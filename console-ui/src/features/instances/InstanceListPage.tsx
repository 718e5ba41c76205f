import { Link } from 'react-router-dom';
import { listInstances } from '../../api/instances';
import { useResource } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { Time } from '../../components/Time';
import { CreateInstanceForm } from './CreateInstanceForm';

/** Every instance, with a form to create one. */
export function InstanceListPage() {
  const instances = useResource(listInstances, 'instances');
  return (
    <section>
      <h1>Instances</h1>
      <CreateInstanceForm onCreated={instances.reload} />
      <ProblemMessage problem={instances.problem} />
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Namespace</th>
            <th>Cluster</th>
            <th>Tier</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {instances.data?.items.map((instance) => (
            <tr key={instance.id} data-instance-id={instance.id}>
              <td>
                <Link to={`/instances/${instance.id}`}>{instance.name}</Link>
              </td>
              <td><code>{instance.id}</code></td>
              <td>{instance.cluster}</td>
              <td>{instance.tier}</td>
              <td><Time value={instance.createdAt} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
