import { FormEvent, useState } from 'react';
import { ObservedProducerGroup, rescheduleUpgradeWindow, UpgradeWindowView } from '../../api/upgrades';
import { useMutation } from '../../app/useResource';
import { durationMinutes, toLocalInput } from '../../components/localDateTime';
import { ProblemMessage } from '../../components/ProblemMessage';
import { observedGroupsMember, ProducerGroupsField } from './ProducerGroupsField';

/**
 * Moves a scheduled window to a new start and duration and sets its observed producer groups; a refusal is
 * shown in the form.
 */
export function RescheduleWindowForm({ window, onRescheduled }: {
  window: UpgradeWindowView;
  onRescheduled: () => void;
}) {
  const [startsAt, setStartsAt] = useState(() => toLocalInput(new Date(window.startsAt)));
  const [minutes, setMinutes] = useState(() => durationMinutes(window.duration));
  const [groups, setGroups] = useState<ObservedProducerGroup[]>(() => window.observedProducerGroups ?? []);
  const { problem, busy, run } = useMutation();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const request = { startsAt: new Date(startsAt).toISOString(), duration: `PT${minutes}M`,
      ...observedGroupsMember(groups, window.observedProducerGroups !== undefined) };
    const failure = await run(() => rescheduleUpgradeWindow(window.cluster, window.id, request));
    if (failure === null) {
      onRescheduled();
    }
  }

  return (
    <form onSubmit={submit} aria-label={`Reschedule window ${window.id}`}>
      <label>
        New start{' '}
        <input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} required />
      </label>
      <label>
        New minutes{' '}
        <input type="number" min={15} max={1440} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} />
      </label>
      <ProducerGroupsField groups={groups} onChange={setGroups} />
      <button type="submit" disabled={busy}>Save</button>
      <ProblemMessage problem={problem} />
    </form>
  );
}
