import { listTopics } from '../../api/topics';
import { useResource } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useInstanceContext } from '../instances/instanceContext';
import { CreateTopicForm } from './CreateTopicForm';
import { TopicRow } from './TopicRow';

/** The topics of one instance: list, create with a message type, delete. */
export function TopicsPage() {
  const { instance } = useInstanceContext();
  const topics = useResource(() => listTopics(instance.id), instance.id);
  return (
    <div>
      <h2>Topics</h2>
      <CreateTopicForm onCreated={topics.reload} />
      <ProblemMessage problem={topics.problem} />
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Message type</th>
            <th>Permission</th>
            <th>Created</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {topics.data?.items.map((topic) => (
            <TopicRow key={topic.name} topic={topic} onDeleted={topics.reload} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
