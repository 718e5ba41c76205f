import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach } from 'vitest';
import { CredentialView } from '../../api/credentials';
import { renderInInstance } from '../../test/renderInInstance';
import { problem, stubApi } from '../../test/stubApi';
import { CredentialsPage } from './CredentialsPage';
import { splitNames } from './CreateCredentialForm';

const SECRET = 'S3cretS3cretS3cretS3cretS3cretS3cret0000';
const credential: CredentialView = {
  instanceId: 'MQ_INST_test', accessKey: 'AKtest00000000000001', role: 'pub', topics: ['orders'], groups: [],
  enabled: true, createdAt: '2026-11-22T04:00:00Z', lastUsedAt: null,
};

afterEach(() => vi.unstubAllGlobals());

function stubCredentials(onPost: (path: string) => ReturnType<typeof problem> | null) {
  let listed: CredentialView[] = [];
  return stubApi((method, path, body) => {
    if (path.startsWith('/api/v1/clusters/')) return { status: 200, body: [] };
    if (method === 'GET') return { status: 200, body: { items: listed, nextPageToken: null } };
    const refusal = onPost(path);
    if (refusal !== null) return refusal;
    listed = [credential];
    expect(body).toEqual({ role: 'pub', topics: ['orders'], groups: [] });
    return { status: 201, body: { credential, secretKey: SECRET } };
  });
}

async function create() {
  const form = screen.getByRole('form', { name: 'Create credential' });
  fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'pub' } });
  fireEvent.change(within(form).getByLabelText('Only topics'), { target: { value: ' orders, ' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Create credential' }));
  return form;
}

describe('CredentialsPage', () => {
  it('shows the new SecretKey once, with a snippet using it, until dismissed', async () => {
    stubCredentials(() => null);
    renderInInstance(<CredentialsPage />);
    await create();

    const panel = await screen.findByRole('region', { name: 'New credential secret' });
    expect(within(panel).getByTestId('new-secret-key')).toHaveTextContent(SECRET);
    expect(within(panel).getByTestId('connection-snippet')).toHaveTextContent(
      `new SessionCredentials("${credential.accessKey}", "${SECRET}")`);
    expect(within(panel).getByTestId('connection-snippet')).toHaveTextContent('producer.setNamespace("MQ_INST_test")');
    await waitFor(() => expect(document.querySelector(`tr[data-access-key="${credential.accessKey}"]`)).not.toBeNull());

    fireEvent.click(within(panel).getByRole('button', { name: 'Dismiss' }));
    expect(document.body).not.toHaveTextContent(SECRET);
    expect(document.querySelector(`tr[data-access-key="${credential.accessKey}"] .restriction`))
      .toHaveTextContent('topics orders; all groups');
  });

  it('shows a refused create in the form and a refused disable in the credential row', async () => {
    let creates = 0;
    stubCredentials((path) => {
      if (path.endsWith('/disable')) return problem(404, 'NOT_FOUND', 'Not found', 'credential was deleted');
      return creates++ === 0 ? problem(400, 'VALIDATION', 'Request is not valid', 'topic orders does not exist') : null;
    });
    renderInInstance(<CredentialsPage />);

    const form = await create();
    expect(await within(form).findByRole('alert')).toHaveTextContent('topic orders does not exist');
    expect(screen.queryByRole('region', { name: 'New credential secret' })).toBeNull();

    await create();
    await waitFor(() => expect(document.querySelector(`tr[data-access-key="${credential.accessKey}"]`)).not.toBeNull());
    const row = document.querySelector(`tr[data-access-key="${credential.accessKey}"]`) as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Disable' }));
    expect(await within(row).findByRole('alert')).toHaveTextContent('credential was deleted');
    expect(within(form).queryByRole('alert')).toBeNull();
  });

  it('disables every change while the instance is locked', async () => {
    stubCredentials(() => null);
    renderInInstance(<CredentialsPage />, { reason: 'Locked by upgrade window w-1 until 2026-11-22T05:00:00Z' });
    expect(screen.getByRole('button', { name: 'Create credential' })).toBeDisabled();
    expect(screen.getByRole('form', { name: 'Create credential' })).toHaveTextContent('Locked by upgrade window w-1');
  });
});

describe('splitNames', () => {
  it('reads a comma-separated list, blank meaning no restriction', () => {
    expect(splitNames(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(splitNames('  ')).toEqual([]);
  });
});
