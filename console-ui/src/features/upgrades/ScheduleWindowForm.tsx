import { FormEvent, useState } from 'react';
import { ObservedProducerGroup, scheduleUpgradeWindow } from '../../api/upgrades';
import { useMutation } from '../../app/useResource';
import { useRoleReason } from '../../app/session';
import { DisabledReason } from '../../components/DisabledReason';
import { toLocalInput } from '../../components/localDateTime';
import { ProblemMessage } from '../../components/ProblemMessage';
import { observedGroupsMember, ProducerGroupsField } from './ProducerGroupsField';

function inOneHour(): string {
  return toLocalInput(new Date(Date.now() + 60 * 60 * 1000));
}

/**
 * Schedules an upgrade window of `cluster`, optionally with the producer groups its report watches; the local
 * start time is sent as an absolute instant.
 */
export function ScheduleWindowForm({ cluster, onScheduled }: { cluster: string; onScheduled: () => void }) {
  const [startsAt, setStartsAt] = useState(inOneHour);
  const [minutes, setMinutes] = useState(60);
  const [targetVersion, setTargetVersion] = useState('');
  const [groups, setGroups] = useState<ObservedProducerGroup[]>([]);
  const { problem, busy, run } = useMutation();
  const reason = useRoleReason();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const request = { startsAt: new Date(startsAt).toISOString(), duration: `PT${minutes}M`, targetVersion,
      ...observedGroupsMember(groups, false) };
    const failure = await run(() => scheduleUpgradeWindow(cluster, request));
    if (failure === null) {
      setTargetVersion('');
      setGroups([]);
      onScheduled();
    }
  }

  return (
    <form onSubmit={submit} aria-label="Schedule upgrade window">
      <label>
        Start <input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} required />
      </label>
      <label>
        Minutes{' '}
        <input type="number" min={15} max={1440} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} />
      </label>
      <label>
        Target version <input value={targetVersion} onChange={(e) => setTargetVersion(e.target.value)} required />
      </label>
      <ProducerGroupsField groups={groups} onChange={setGroups} />
      <button type="submit" disabled={busy || reason !== null}>Schedule</button>
      <DisabledReason reason={reason} />
      <ProblemMessage problem={problem} />
    </form>
  );
}
