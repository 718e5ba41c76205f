import { FormEvent, useState } from 'react';
import { createCredential, CREDENTIAL_ROLES, CreatedCredentialView, CredentialRole } from '../../api/credentials';
import { useMutation } from '../../app/useResource';
import { DisabledReason } from '../../components/DisabledReason';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useInstanceContext } from '../instances/instanceContext';

/** "a, b ,c" → ["a", "b", "c"]; blank → [] (= every topic or group of the instance). */
export function splitNames(text: string): string[] {
  return text.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
}

/** Creates a credential with a role, optionally restricted to some topics and groups. */
export function CreateCredentialForm({ onCreated }: { onCreated: (created: CreatedCredentialView) => void }) {
  const { instance, lock, reason } = useInstanceContext();
  const [role, setRole] = useState<CredentialRole>('pub+sub');
  const [topics, setTopics] = useState('');
  const [groups, setGroups] = useState('');
  const { problem, busy, run } = useMutation();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const request = { role, topics: splitNames(topics), groups: splitNames(groups) };
    const failure = await run(async () => onCreated(await createCredential(instance.id, request)));
    if (failure === null) {
      setTopics('');
      setGroups('');
    } else if (failure.isLocked) {
      lock.refresh();
    }
  }

  return (
    <form onSubmit={submit} aria-label="Create credential">
      <label>
        Role{' '}
        <select value={role} onChange={(e) => setRole(e.target.value as CredentialRole)}>
          {CREDENTIAL_ROLES.map((value) => (
            <option key={value} value={value}>{value}</option>
          ))}
        </select>
      </label>
      <label>
        Only topics <input value={topics} onChange={(e) => setTopics(e.target.value)} placeholder="all (or a, b)" />
      </label>
      <label>
        Only groups <input value={groups} onChange={(e) => setGroups(e.target.value)} placeholder="all (or a, b)" />
      </label>
      <button type="submit" disabled={busy || reason !== null}>Create credential</button>
      <DisabledReason reason={reason} />
      <ProblemMessage problem={problem} />
    </form>
  );
}
