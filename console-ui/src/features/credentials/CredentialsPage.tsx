import { useState } from 'react';
import { CreatedCredentialView, listCredentials } from '../../api/credentials';
import { useResource } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useInstanceContext } from '../instances/instanceContext';
import { CreateCredentialForm } from './CreateCredentialForm';
import { CredentialRow } from './CredentialRow';
import { NewSecretPanel } from './NewSecretPanel';

/** The credentials (AccessKey/SecretKey pairs) clients of one instance sign requests with. */
export function CredentialsPage() {
  const { instance } = useInstanceContext();
  const credentials = useResource(() => listCredentials(instance.id), instance.id);
  const [created, setCreated] = useState<CreatedCredentialView | null>(null);
  function onCreated(value: CreatedCredentialView) {
    setCreated(value);
    credentials.reload();
  }
  return (
    <div>
      <h2>Credentials</h2>
      <CreateCredentialForm onCreated={onCreated} />
      {created !== null && <NewSecretPanel created={created} onDismiss={() => setCreated(null)} />}
      <ProblemMessage problem={credentials.problem} />
      <table>
        <thead>
          <tr>
            <th>AccessKey</th>
            <th>Role</th>
            <th>Restricted to</th>
            <th>Created</th>
            <th>Last used</th>
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {credentials.data?.map((credential) => (
            <CredentialRow key={credential.accessKey} credential={credential} onChanged={credentials.reload} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
