import { FormEvent, useState } from 'react';
import { createInstance, InstanceTier } from '../../api/instances';
import { useMutation } from '../../app/useResource';
import { useRoleReason } from '../../app/session';
import { DisabledReason } from '../../components/DisabledReason';
import { ProblemMessage } from '../../components/ProblemMessage';

/** Creates an instance; the tier selects its default quotas. */
export function CreateInstanceForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [cluster, setCluster] = useState('local');
  const [tier, setTier] = useState<InstanceTier>('single_node');
  const { problem, busy, run } = useMutation();
  const reason = useRoleReason();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const failure = await run(() => createInstance({ name, cluster, tier }));
    if (failure === null) {
      setName('');
      onCreated();
    }
  }

  return (
    <form onSubmit={submit} aria-label="Create instance">
      <label>
        Name <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        Cluster <input value={cluster} onChange={(e) => setCluster(e.target.value)} required />
      </label>
      <label>
        Tier{' '}
        <select value={tier} onChange={(e) => setTier(e.target.value as InstanceTier)}>
          <option value="single_node">single_node</option>
          <option value="cluster_ha">cluster_ha</option>
        </select>
      </label>
      <button type="submit" disabled={busy || reason !== null}>Create instance</button>
      <DisabledReason reason={reason} />
      <ProblemMessage problem={problem} />
    </form>
  );
}
