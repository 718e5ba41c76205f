import { useState } from 'react';
import { CreatedCredentialView } from '../../api/credentials';
import { ConnectionSnippet } from '../instances/ConnectionSnippet';
import { useInstanceContext } from '../instances/instanceContext';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The SecretKey of a credential just created: the only time it is shown (the server never answers it again).
 * Gone once dismissed or when the page is left.
 */
export function NewSecretPanel({ created, onDismiss }: { created: CreatedCredentialView; onDismiss: () => void }) {
  const { instance } = useInstanceContext();
  const [copy, setCopy] = useState<CopyState>('idle');
  const { credential, secretKey } = created;

  function copySecret() {
    // navigator.clipboard is missing outside secure contexts (plain HTTP to a host other than localhost).
    const written = navigator.clipboard?.writeText(secretKey) ?? Promise.reject(new Error('no clipboard'));
    written.then(() => setCopy('copied'), () => setCopy('failed'));
  }

  return (
    <section className="secret-panel" aria-label="New credential secret">
      <p>
        <strong>Store this SecretKey now.</strong> It is shown only this once; afterwards only its AccessKey is
        listed.
      </p>
      <dl className="facts">
        <dt>AccessKey</dt>
        <dd><code data-testid="new-access-key">{credential.accessKey}</code></dd>
        <dt>SecretKey</dt>
        <dd>
          <code data-testid="new-secret-key">{secretKey}</code>{' '}
          <button type="button" onClick={copySecret}>Copy SecretKey</button>
          {copy === 'copied' && <span className="copied"> Copied.</span>}
          {copy === 'failed' && (
            <span className="problem" role="alert">The browser refused the clipboard: select the key and copy it.</span>
          )}
        </dd>
      </dl>
      <ConnectionSnippet cluster={instance.cluster} namespace={instance.id} accessKey={credential.accessKey}
        role={credential.role} secretKey={secretKey} group={credential.groups[0]} />
      <button type="button" onClick={onDismiss}>Dismiss</button>
    </section>
  );
}
