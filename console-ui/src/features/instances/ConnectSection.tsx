import { useState } from 'react';
import { Link } from 'react-router-dom';
import { listCredentials } from '../../api/credentials';
import { useResource } from '../../app/useResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ConnectionSnippet } from './ConnectionSnippet';
import { useInstanceContext } from './instanceContext';

/** How to connect the official Java client: pick one of the instance's enabled credentials for the snippet. */
export function ConnectSection() {
  const { instance } = useInstanceContext();
  const credentials = useResource(() => listCredentials(instance.id), instance.id);
  const enabled = (credentials.data ?? []).filter((credential) => credential.enabled);
  const [chosen, setChosen] = useState<string | null>(null);
  const credential = enabled.find((candidate) => candidate.accessKey === chosen) ?? enabled[0];
  return (
    <section aria-label="Connect">
      <h2>Connect</h2>
      <ProblemMessage problem={credentials.problem} />
      {credentials.data !== null && credential === undefined && (
        <p>
          No enabled credential yet: <Link to={`/instances/${instance.id}/credentials`}>create one</Link> to sign
          client requests.
        </p>
      )}
      {credential !== undefined && (
        <>
          <label>
            Credential{' '}
            <select value={credential.accessKey} onChange={(e) => setChosen(e.target.value)}>
              {enabled.map((candidate) => (
                <option key={candidate.accessKey} value={candidate.accessKey}>
                  {candidate.accessKey} ({candidate.role})
                </option>
              ))}
            </select>
          </label>
          <ConnectionSnippet cluster={instance.cluster} namespace={instance.id} accessKey={credential.accessKey}
            role={credential.role} group={credential.groups[0]} />
        </>
      )}
    </section>
  );
}
