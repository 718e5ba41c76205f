import { afterEach, vi } from 'vitest';
import { allPages, ApiProblem, apiRequest, onUnauthorized, REQUESTED_WITH } from './http';

function answer(status: number, body: unknown, contentType: string) {
  const fetchMock = vi.fn().mockResolvedValue(
    new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('apiRequest', () => {
  it('parses problem+json into one ApiProblem with its extension members', async () => {
    answer(423, { type: 't', title: 'Instance is locked by an upgrade window', status: 423, detail: 'locked until X',
      code: 'INSTANCE_LOCKED', windowId: 'w-1' }, 'application/problem+json');
    const error = await apiRequest('POST', '/api/v1/x', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    const problem = error as ApiProblem;
    expect(problem.isLocked).toBe(true);
    expect(problem.code).toBe('INSTANCE_LOCKED');
    expect(problem.detail).toBe('locked until X');
    expect(problem.members.windowId).toBe('w-1');
  });

  it('turns a non-JSON error into a problem carrying the status', async () => {
    const gateway = new Response('<html>', { status: 502, statusText: 'Bad Gateway' });
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(gateway));
    const problem = (await apiRequest('GET', '/api/v1/x').catch((e: unknown) => e)) as ApiProblem;
    expect(problem.status).toBe(502);
    expect(problem.code).toBe('http-502');
  });

  it('sends the CSRF header and JSON body with the same-origin cookie', async () => {
    const fetchMock = answer(201, { id: 'i-1' }, 'application/json');
    await expect(apiRequest('POST', '/api/v1/instances', { name: 'a' })).resolves.toEqual({ id: 'i-1' });
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toMatchObject({ 'X-Requested-With': REQUESTED_WITH, 'Content-Type': 'application/json' });
    expect(init.body).toBe('{"name":"a"}');
  });
});

describe('onUnauthorized', () => {
  it('is told about a 401 of the API but not about a refused sign-in', async () => {
    const listener = vi.fn();
    onUnauthorized(listener);
    answer(401, { title: 'Authentication required', status: 401, code: 'AUTHENTICATION_REQUIRED' },
      'application/problem+json');
    await apiRequest('POST', '/api/v1/sessions', { apiKey: 'wrong' }).catch(() => undefined);
    expect(listener).not.toHaveBeenCalled();

    await apiRequest('GET', '/api/v1/instances').catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('allPages', () => {
  it('follows nextPageToken until the last page, asking for the largest pages', async () => {
    const pages: Record<string, unknown> = {
      '/api/v1/x?pageSize=100': { items: [1, 2], nextPageToken: 't 1' },
      '/api/v1/x?pageSize=100&pageToken=t%201': { items: [3], nextPageToken: null },
    };
    const fetchMock = vi.fn(async (path: string) => new Response(JSON.stringify(pages[path]),
      { status: pages[path] ? 200 : 404, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(allPages('/api/v1/x')).resolves.toEqual([1, 2, 3]);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
