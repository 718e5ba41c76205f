import { FormEvent, useState } from 'react';
import { createTopic, MESSAGE_TYPES, MessageType } from '../../api/topics';
import { useMutation } from '../../app/useResource';
import { DisabledReason } from '../../components/DisabledReason';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useInstanceContext } from '../instances/instanceContext';

/** Creates a topic; a 423 from a page that did not know of the lock shows the server's message and the banner. */
export function CreateTopicForm({ onCreated }: { onCreated: () => void }) {
  const { instance, lock, reason } = useInstanceContext();
  const [name, setName] = useState('');
  const [messageType, setMessageType] = useState<MessageType>('NORMAL');
  const { problem, busy, run } = useMutation();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const failure = await run(() => createTopic(instance.id, { name, messageType }));
    if (failure === null) {
      setName('');
      onCreated();
    } else if (failure.isLocked) {
      lock.refresh();
    }
  }

  return (
    <form onSubmit={submit} aria-label="Create topic">
      <label>
        Topic name <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        Message type{' '}
        <select value={messageType} onChange={(e) => setMessageType(e.target.value as MessageType)}>
          {MESSAGE_TYPES.map((type) => (
            <option key={type} value={type}>{type}</option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy || reason !== null}>Create topic</button>
      <DisabledReason reason={reason} />
      <ProblemMessage problem={problem} />
    </form>
  );
}
