import { Link } from 'react-router-dom';
import { deleteTopic, TopicView } from '../../api/topics';
import { useMutation } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { Time } from '../../components/Time';
import { useInstanceContext } from '../instances/instanceContext';

/** One topic with its delete button; a refused delete is shown in the row. */
export function TopicRow({ topic, onDeleted }: { topic: TopicView; onDeleted: () => void }) {
  const { lock, reason } = useInstanceContext();
  const { problem, busy, run } = useMutation();
  async function remove() {
    const failure = await run(() => deleteTopic(topic.instanceId, topic.name));
    if (failure === null) {
      onDeleted();
    } else if (failure.isLocked) {
      lock.refresh();
    }
  }
  return (
    <tr data-topic={topic.name}>
      <td><Link to={topic.name}>{topic.name}</Link></td>
      <td className="message-type">{topic.messageType}</td>
      <td>{topic.permission}</td>
      <td><Time value={topic.createdAt} /></td>
      <td>
        <button disabled={busy || reason !== null} title={reason ?? undefined} onClick={remove}>Delete</button>
        <ProblemMessage problem={problem} />
      </td>
    </tr>
  );
}
