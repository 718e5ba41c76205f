import { Link } from 'react-router-dom';
import { ConsumerGroupView, deleteConsumerGroup } from '../../api/consumerGroups';
import { useMutation } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { Time } from '../../components/Time';
import { useInstanceContext } from '../instances/instanceContext';

/** One consumer group with its delete button; a refused delete is shown in the row. */
export function ConsumerGroupRow({ group, onDeleted }: { group: ConsumerGroupView; onDeleted: () => void }) {
  const { lock, reason } = useInstanceContext();
  const { problem, busy, run } = useMutation();
  async function remove() {
    const failure = await run(() => deleteConsumerGroup(group.instanceId, group.name));
    if (failure === null) {
      onDeleted();
    } else if (failure.isLocked) {
      lock.refresh();
    }
  }
  return (
    <tr data-group={group.name}>
      <td><Link to={group.name}>{group.name}</Link></td>
      <td>{group.deliveryOrder}</td>
      <td>{group.consumptionMode}</td>
      <td className="max-retries">{group.maxRetries}</td>
      <td><Time value={group.createdAt} /></td>
      <td>
        <button disabled={busy || reason !== null} title={reason ?? undefined} onClick={remove}>Delete</button>
        <ProblemMessage problem={problem} />
      </td>
    </tr>
  );
}
