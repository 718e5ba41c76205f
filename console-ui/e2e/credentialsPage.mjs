// The credentials page against a credential seeded through the REST API and one created in the browser:
// the SecretKey is shown once (never listed, gone after dismiss and reload), disable works, and the
// instance's connection snippet uses a chosen credential's AccessKey but never a secret.
import assert from 'node:assert/strict';
import { shot, withText } from './pages.mjs';
import { waitFor } from './wait.mjs';

export async function credentialsPage(page, baseUrl, api, instance, seeded) {
  const path = `/api/v1/instances/${instance.id}/credentials`;
  await page.goto(`${baseUrl}/instances/${instance.id}/credentials`);
  const seededRow = await withText(page.locator(`tr[data-access-key="${seeded.accessKey}"]`), 'sub');
  assert.match(await seededRow.innerText(), /all topics; groups billing[\s\S]*never[\s\S]*enabled/);

  const form = page.getByRole('form', { name: 'Create credential' });
  const create = form.getByRole('button', { name: 'Create credential' });
  await waitFor('Create credential to be enabled', 30_000, () => create.isEnabled());
  await form.getByLabel('Role').selectOption('pub');
  await form.getByLabel('Only topics').fill('payments');
  await create.click();
  const panel = page.getByRole('region', { name: 'New credential secret' });
  const accessKey = await panel.getByTestId('new-access-key').innerText();
  const secret = await panel.getByTestId('new-secret-key').innerText();
  assert.match(secret, /^[A-Za-z0-9]{40}$/);
  const snippet = await panel.getByTestId('connection-snippet').innerText();
  assert.ok(snippet.includes(`new SessionCredentials("${accessKey}", "${secret}")`), snippet);
  assert.ok(snippet.includes(`producer.setNamespace("${instance.id}")`), snippet);
  const stored = await api.get(`${path}/${accessKey}`);
  assert.deepEqual([stored.role, stored.topics, stored.enabled], ['pub', ['payments'], true]);
  assert.ok(!JSON.stringify(await api.get(path)).includes(secret), 'the list never carries the secret');
  await shot(page, 'credential-created');

  await panel.getByRole('button', { name: 'Dismiss' }).click();
  await panel.waitFor({ state: 'detached' });
  const row = await withText(page.locator(`tr[data-access-key="${accessKey}"]`), 'topics payments; all groups');
  assert.ok(!(await page.content()).includes(secret), 'the secret is gone once dismissed');
  await page.reload();
  await row.waitFor();
  assert.ok(!(await page.content()).includes(secret), 'the secret is not shown again');

  await row.getByRole('button', { name: 'Disable' }).click();
  await withText(row.locator('.enabled'), 'disabled');
  await row.getByRole('button', { name: 'Enable' }).waitFor();
  assert.equal((await api.get(`${path}/${accessKey}`)).enabled, false);
  await shot(page, 'credentials');
  return accessKey;
}

/** The overview's snippet offers only enabled credentials and fills in the name servers of the cluster. */
export async function connectionSnippet(page, baseUrl, api, instance, seeded, disabledKey) {
  const nameServers = (await api.get('/api/v1/clusters/local/nodes'))
    .filter((node) => node.role === 'NAMESRV').map((node) => node.remotingAddress);
  await page.goto(`${baseUrl}/instances/${instance.id}`);
  const section = page.getByRole('region', { name: 'Connect', exact: true });
  const choice = section.getByLabel('Credential');
  await choice.selectOption(seeded.accessKey);
  const options = await choice.locator('option').allInnerTexts();
  assert.ok(!options.some((text) => text.includes(disabledKey)), `a disabled credential is not offered: ${options}`);
  const snippet = await withText(section.getByTestId('connection-snippet'), seeded.accessKey);
  const text = await snippet.innerText();
  assert.ok(text.includes('new AclClientRPCHook(new SessionCredentials'), text);
  assert.ok(text.includes('<SecretKey shown once at creation>'), text);
  assert.ok(text.includes(`new DefaultMQPushConsumer("billing", acl)`), text);
  assert.ok(text.includes(`consumer.setNamespace("${instance.id}")`), text);
  assert.ok(nameServers.length > 0 && text.includes(`setNamesrvAddr("${nameServers.join(';')}")`), text);
  await shot(page, 'instance-connect');
}
