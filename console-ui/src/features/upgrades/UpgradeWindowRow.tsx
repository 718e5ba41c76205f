import { useState } from 'react';
import { Link } from 'react-router-dom';
import { UpgradeWindowView } from '../../api/upgrades';
import { useRoleReason } from '../../app/session';
import { Time } from '../../components/Time';
import { RescheduleWindowForm } from './RescheduleWindowForm';
import { WindowActions } from './WindowActions';

/** One window with the state changes it allows (a scheduled one can be moved) and a link to its page. */
export function UpgradeWindowRow({ window, onChanged }: { window: UpgradeWindowView; onChanged: () => void }) {
  const reason = useRoleReason();
  const [rescheduling, setRescheduling] = useState(false);
  return (
    <tr data-window-id={window.id}>
      <td>
        <Link to={`/upgrade-windows/${window.id}?cluster=${encodeURIComponent(window.cluster)}`}>
          <code>{window.id}</code>
        </Link>
      </td>
      <td className="state">{window.state}</td>
      <td><Time value={window.startsAt} /></td>
      <td><Time value={window.endsAt} /></td>
      <td>{window.targetVersion}</td>
      <td>
        <WindowActions window={window} onChanged={onChanged} />
        {window.state === 'SCHEDULED' && (
          <button disabled={reason !== null} title={reason ?? undefined} onClick={() => setRescheduling(!rescheduling)}>
            {rescheduling ? 'Close' : 'Reschedule'}
          </button>
        )}
        {rescheduling && window.state === 'SCHEDULED' && (
          <RescheduleWindowForm window={window} onRescheduled={() => {
            setRescheduling(false);
            onChanged();
          }} />
        )}
      </td>
    </tr>
  );
}
