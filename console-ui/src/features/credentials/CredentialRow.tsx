import { CredentialView, deleteCredential, setCredentialEnabled } from '../../api/credentials';
import { useMutation } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { Time } from '../../components/Time';
import { useInstanceContext } from '../instances/instanceContext';

function restriction(credential: CredentialView): string {
  const topics = credential.topics.length === 0 ? 'all topics' : `topics ${credential.topics.join(', ')}`;
  const groups = credential.groups.length === 0 ? 'all groups' : `groups ${credential.groups.join(', ')}`;
  return `${topics}; ${groups}`;
}

/** One credential with disable/enable and delete; a refused change is shown in the row. */
export function CredentialRow({ credential, onChanged }: { credential: CredentialView; onChanged: () => void }) {
  const { lock, reason } = useInstanceContext();
  const { problem, busy, run } = useMutation();
  async function change(action: () => Promise<unknown>) {
    const failure = await run(action);
    if (failure === null) {
      onChanged();
    } else if (failure.isLocked) {
      lock.refresh();
    }
  }
  const { instanceId, accessKey, enabled } = credential;
  return (
    <tr data-access-key={accessKey}>
      <td><code>{accessKey}</code></td>
      <td className="role">{credential.role}</td>
      <td className="restriction">{restriction(credential)}</td>
      <td><Time value={credential.createdAt} /></td>
      <td className="last-used">{credential.lastUsedAt === null ? 'never' : <Time value={credential.lastUsedAt} />}</td>
      <td className="enabled">{enabled ? 'enabled' : 'disabled'}</td>
      <td>
        <button disabled={busy || reason !== null} title={reason ?? undefined}
          onClick={() => change(() => setCredentialEnabled(instanceId, accessKey, !enabled))}>
          {enabled ? 'Disable' : 'Enable'}
        </button>
        <button disabled={busy || reason !== null} title={reason ?? undefined}
          onClick={() => change(() => deleteCredential(instanceId, accessKey))}>
          Delete
        </button>
        <ProblemMessage problem={problem} />
      </td>
    </tr>
  );
}
