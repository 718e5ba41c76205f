import { FormEvent, useState } from 'react';
import { MessageQuery, MessageView, queryMessages } from '../../api/messages';
import { useMutation } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useInstanceContext } from '../instances/instanceContext';
import { MessageCard } from './MessageCard';

type Mode = 'id' | 'key';

/** Finds messages by message id, or by topic and key, and shows each with its properties and deliveries. */
export function MessagesPage() {
  const { instance } = useInstanceContext();
  const [mode, setMode] = useState<Mode>('key');
  const [messageId, setMessageId] = useState('');
  const [topic, setTopic] = useState('');
  const [key, setKey] = useState('');
  const [found, setFound] = useState<MessageView[] | null>(null);
  const { problem, busy, run } = useMutation();

  async function search(event: FormEvent) {
    event.preventDefault();
    const query: MessageQuery = mode === 'id' ? { messageId } : { topic, key };
    setFound(null);
    await run(async () => setFound((await queryMessages(instance.id, query)).messages));
  }

  return (
    <div>
      <h2>Messages</h2>
      <form onSubmit={search} aria-label="Find messages">
        <label>
          <input type="radio" name="mode" checked={mode === 'key'} onChange={() => setMode('key')} /> By key
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'id'} onChange={() => setMode('id')} /> By message id
        </label>
        {mode === 'id' ? (
          <label>
            Message id <input value={messageId} onChange={(e) => setMessageId(e.target.value)} required />
          </label>
        ) : (
          <>
            <label>
              Topic <input value={topic} onChange={(e) => setTopic(e.target.value)} required />
            </label>
            <label>
              Key <input value={key} onChange={(e) => setKey(e.target.value)} required />
            </label>
          </>
        )}
        <button type="submit" disabled={busy}>Find</button>
        <ProblemMessage problem={problem} />
      </form>
      {found !== null && found.length === 0 && <p className="empty">No message matches.</p>}
      {found?.map((message) => <MessageCard key={message.messageId} message={message} />)}
    </div>
  );
}
