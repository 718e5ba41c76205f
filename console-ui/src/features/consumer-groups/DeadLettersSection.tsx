import { useState } from 'react';
import { DeadLetterResendView, listDeadLetters, resendDeadLetters } from '../../api/consumerGroups';
import { newIdempotencyKey } from '../../api/idempotency';
import { useRoleReason } from '../../app/session';
import { useMutation, useResource } from '../../app/useResource';
import { DisabledReason } from '../../components/DisabledReason';
import { ProblemMessage } from '../../components/ProblemMessage';
import { Time } from '../../components/Time';
import { useInstanceContext } from '../instances/instanceContext';

/**
 * The group's dead letters, a page at a time, and resending the selected ones to their original topics.
 * Resending is allowed during an upgrade (it changes no topic or group), so only the role can disable it;
 * one Idempotency-Key per selection makes a retried click resend nothing twice.
 */
export function DeadLettersSection({ group }: { group: string }) {
  const { instance } = useInstanceContext();
  const reason = useRoleReason();
  const [page, setPage] = useState(0);
  const letters = useResource(() => listDeadLetters(instance.id, group, page), `${instance.id}/${group}/${page}`);
  const [selected, setSelected] = useState<string[]>([]);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [resent, setResent] = useState<DeadLetterResendView | null>(null);
  const { problem, busy, run } = useMutation();

  function toggle(messageId: string, checked: boolean) {
    setSelected((current) => (checked ? [...current, messageId] : current.filter((id) => id !== messageId)));
    setIdempotencyKey(newIdempotencyKey());
  }

  async function resend() {
    const failure = await run(async () =>
      setResent(await resendDeadLetters(instance.id, group, selected, idempotencyKey)));
    if (failure === null) {
      setSelected([]);
      setIdempotencyKey(newIdempotencyKey());
      letters.reload();
    }
  }

  return (
    <section aria-label="Dead letters">
      <h3>Dead letters</h3>
      <ProblemMessage problem={letters.problem} />
      <table>
        <thead>
          <tr>
            <th />
            <th>Message</th>
            <th>Original topic</th>
            <th>Keys</th>
            <th>Tags</th>
            <th>Attempts</th>
            <th>Stored</th>
          </tr>
        </thead>
        <tbody>
          {letters.data?.items.map((letter) => (
            <tr key={letter.messageId} data-message-id={letter.messageId}>
              <td>
                <input type="checkbox" aria-label={`Select ${letter.messageId}`}
                  checked={selected.includes(letter.messageId)}
                  onChange={(e) => toggle(letter.messageId, e.target.checked)} />
              </td>
              <td><code>{letter.messageId}</code></td>
              <td>{letter.originalTopic}</td>
              <td>{letter.keys ?? '–'}</td>
              <td>{letter.tags ?? '–'}</td>
              <td>{letter.reconsumeTimes}</td>
              <td><Time value={letter.storeTime} /></td>
            </tr>
          ))}
          {letters.data?.items.length === 0 && (
            <tr>
              <td colSpan={7}>No dead letters{page > 0 && ' on this page'}.</td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="actions">
        <button disabled={page === 0} onClick={() => setPage(page - 1)}>Previous page</button>
        <button disabled={letters.data?.nextPageToken == null} onClick={() => setPage(page + 1)}>Next page</button>
        <button disabled={busy || selected.length === 0 || reason !== null} onClick={resend}>
          Resend selected ({selected.length})
        </button>
        <DisabledReason reason={reason} />
        <ProblemMessage problem={problem} />
      </div>
      {resent !== null && (
        <ul className="resent" aria-label="Resent messages">
          {resent.resent.map((entry) => (
            <li key={entry.messageId}>
              <code>{entry.messageId}</code> → {entry.topic} as <code>{entry.newMessageId}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
