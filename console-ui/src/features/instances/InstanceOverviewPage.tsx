import { Time } from '../../components/Time';
import { ConnectSection } from './ConnectSection';
import { useInstanceContext } from './instanceContext';

/** Namespace, quotas and a connection snippet for the official Java client with a chosen credential. */
export function InstanceOverviewPage() {
  const { instance } = useInstanceContext();
  const { quotas } = instance;
  return (
    <div>
      <dl className="facts">
        <dt>Namespace</dt>
        <dd><code data-testid="namespace">{instance.id}</code></dd>
        <dt>Cluster</dt>
        <dd>{instance.cluster}</dd>
        <dt>Tier</dt>
        <dd>{instance.tier}</dd>
        <dt>Description</dt>
        <dd>{instance.description ?? '–'}</dd>
        <dt>Created</dt>
        <dd><Time value={instance.createdAt} /></dd>
      </dl>
      <h2>Quotas</h2>
      <table className="quotas">
        <tbody>
          <tr><th>Topics</th><td data-quota="maxTopics">{quotas.maxTopics}</td></tr>
          <tr><th>Consumer groups</th><td data-quota="maxGroups">{quotas.maxGroups}</td></tr>
          <tr><th>Retention (hours)</th><td data-quota="retentionHours">{quotas.retentionHours}</td></tr>
          <tr><th>Largest message (bytes)</th><td data-quota="maxMessageBytes">{quotas.maxMessageBytes}</td></tr>
        </tbody>
      </table>
      <ConnectSection />
    </div>
  );
}
