import { Link, useParams } from 'react-router-dom';
import { useInstanceContext } from '../instances/instanceContext';
import { ClientsSection } from './ClientsSection';
import { DeadLettersSection } from './DeadLettersSection';
import { LagSection } from './LagSection';
import { OffsetResetSection } from './OffsetResetSection';

/** One consumer group: connected clients, lag, offset reset with preview and undo, dead letters. */
export function ConsumerGroupDetailPage() {
  const { instance } = useInstanceContext();
  const { group = '' } = useParams();
  return (
    <div>
      <h2>
        <Link to={`/instances/${instance.id}/consumer-groups`}>Consumer groups</Link> / {group}
      </h2>
      <ClientsSection group={group} />
      <LagSection group={group} />
      <OffsetResetSection group={group} />
      <DeadLettersSection group={group} />
    </div>
  );
}
