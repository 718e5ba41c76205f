import { listConsumerGroups } from '../../api/consumerGroups';
import { useResource } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useInstanceContext } from '../instances/instanceContext';
import { ConsumerGroupRow } from './ConsumerGroupRow';
import { CreateConsumerGroupForm } from './CreateConsumerGroupForm';

/** The consumer groups of one instance: list, create, delete. */
export function ConsumerGroupsPage() {
  const { instance } = useInstanceContext();
  const groups = useResource(() => listConsumerGroups(instance.id), instance.id);
  return (
    <div>
      <h2>Consumer groups</h2>
      <CreateConsumerGroupForm onCreated={groups.reload} />
      <ProblemMessage problem={groups.problem} />
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Delivery order</th>
            <th>Consumption mode</th>
            <th>Max retries</th>
            <th>Created</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {groups.data?.items.map((group) => (
            <ConsumerGroupRow key={group.name} group={group} onDeleted={groups.reload} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
