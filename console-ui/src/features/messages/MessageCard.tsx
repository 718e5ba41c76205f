import { MessageView } from '../../api/messages';
import { Time } from '../../components/Time';

/** One message: where it is stored, its properties, its body (when text) and its state in each group. */
export function MessageCard({ message }: { message: MessageView }) {
  return (
    <article className="message" data-message-id={message.messageId} aria-label={`Message ${message.messageId}`}>
      <h3><code>{message.messageId}</code></h3>
      <dl className="facts">
        <dt>Topic</dt>
        <dd className="topic">{message.topic}</dd>
        <dt>Tags</dt>
        <dd className="tags">{message.tags ?? '–'}</dd>
        <dt>Keys</dt>
        <dd className="keys">{message.keys ?? '–'}</dd>
        <dt>Queue</dt>
        <dd>{message.brokerName} / {message.queueId} at offset {message.queueOffset}</dd>
        <dt>Born</dt>
        <dd><Time value={message.bornTime} /></dd>
        <dt>Stored</dt>
        <dd><Time value={message.storeTime} /></dd>
        <dt>Body ({message.bodySize} bytes)</dt>
        <dd>{message.body === null ? <em>not UTF-8 text</em> : <pre className="body">{message.body}</pre>}</dd>
      </dl>
      <h4>Properties</h4>
      <table aria-label="Properties">
        <tbody>
          {Object.entries(message.properties).sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => (
            <tr key={name} data-property={name}>
              <th>{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>Delivery per consumer group</h4>
      <table aria-label="Deliveries">
        <thead>
          <tr>
            <th>Group</th>
            <th>Committed offset</th>
            <th>State</th>
          </tr>
        </thead>
        <tbody>
          {message.deliveries.map((delivery) => (
            <tr key={delivery.group} data-group={delivery.group}>
              <td>{delivery.group}</td>
              <td>{delivery.committedOffset}</td>
              <td className="delivery-state">{delivery.state === 'CONSUMED' ? 'consumed' : 'not consumed'}</td>
            </tr>
          ))}
          {message.deliveries.length === 0 && (
            <tr>
              <td colSpan={3}>No consumer group has an offset on this queue yet.</td>
            </tr>
          )}
        </tbody>
      </table>
    </article>
  );
}
