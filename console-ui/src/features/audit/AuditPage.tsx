import { listAuditEvents } from '../../api/audit';
import { useResource } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { Time } from '../../components/Time';

/** The latest mutating calls, accepted and refused, newest first. */
export function AuditPage() {
  const events = useResource(listAuditEvents, 'audit');
  return (
    <section>
      <h1>Audit events</h1>
      <button onClick={events.reload}>Refresh</button>
      <ProblemMessage problem={events.problem} />
      <table>
        <thead>
          <tr>
            <th>When</th>
            <th>API key</th>
            <th>Action</th>
            <th>Resource</th>
            <th>Status</th>
            <th>Outcome</th>
          </tr>
        </thead>
        <tbody>
          {events.data?.items.map((event) => (
            <tr key={event.id}>
              <td><Time value={event.occurredAt} /></td>
              <td>{event.keyId ?? '–'}</td>
              <td>{event.action}</td>
              <td><code>{event.resource}</code></td>
              <td>{event.status}</td>
              <td>{event.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
