// The REST API with the bootstrap admin key: how the e2e run creates its data and drives upgrade windows.
export function restClient(baseUrl, key) {
  async function call(method, path, body) {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    }
    return text ? JSON.parse(text) : undefined;
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    status: async (path) => (await fetch(baseUrl + path, { headers: { Authorization: `Bearer ${key}` } })).status,
  };
}
