import { FormEvent, useState } from 'react';
import { signIn, SessionView } from '../api/session';
import { useMutation } from './useResource';
import { ProblemMessage } from '../components/ProblemMessage';

/**
 * Exchanges an API key for the session cookie. The key lives only in this form's state and is dropped
 * after the exchange; it is never written to any browser storage.
 */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: SessionView) => void }) {
  const [apiKey, setApiKey] = useState('');
  const { problem, busy, run } = useMutation();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const key = apiKey;
    setApiKey('');
    await run(async () => onSignedIn(await signIn(key)));
  }

  return (
    <main className="sign-in">
      <h1>CloudMQ console</h1>
      <form onSubmit={submit} aria-label="Sign in">
        <label>
          API key{' '}
          <input
            type="password"
            autoComplete="off"
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
            placeholder="cmq_…"
            required
          />
        </label>
        <button type="submit" disabled={busy}>Sign in</button>
        <ProblemMessage problem={problem} />
      </form>
    </main>
  );
}
