// Visits every console page against data the run created through the REST API and asserts those values.
import assert from 'node:assert/strict';
import { waitFor } from './wait.mjs';

export async function shot(page, name) {
  await page.screenshot({ path: new URL(`./screenshots/${name}.png`, import.meta.url).pathname, fullPage: true });
}

/** Waits until some element of `locator` contains `text`, and returns that element. */
export async function withText(locator, text) {
  const match = locator.filter({ hasText: text }).first();
  await match.waitFor();
  return match;
}

export async function signIn(page, baseUrl, key) {
  await page.goto(`${baseUrl}/`);
  await shot(page, 'sign-in');
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Instances' }).waitFor();
  const stored = await page.evaluate(() =>
    JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  assert.ok(!stored.includes(key), 'the API key is in no browser storage');
  assert.ok(!stored.includes('cmq_session'), 'scripts cannot read the session cookie');
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === 'cmq_session');
  assert.equal(cookie?.httpOnly, true);
  assert.equal(cookie?.sameSite, 'Strict');
}

export async function instancePages(page, baseUrl, instance) {
  await page.goto(`${baseUrl}/instances`);
  const row = await withText(page.locator(`tr[data-instance-id="${instance.id}"]`), instance.name);
  assert.match(await row.innerText(), new RegExp(`${instance.id}\\s+local\\s+single_node`));
  await shot(page, 'instances');

  await row.getByRole('link', { name: instance.name }).click();
  await page.getByRole('heading', { name: `Instance ${instance.name}` }).waitFor();
  assert.equal(await page.getByTestId('namespace').innerText(), instance.id);
  for (const [quota, value] of Object.entries(instance.quotas)) {
    assert.equal(await page.locator(`[data-quota="${quota}"]`).innerText(), String(value), quota);
  }
  await shot(page, 'instance-overview');
}

export async function topicPage(page, baseUrl, api, instance) {
  await page.goto(`${baseUrl}/instances/${instance.id}/topics`);
  await withText(page.locator('tr[data-topic="payments"] .message-type'), 'FIFO');
  await createAndDelete(page, 'Topic name', 'Create topic', 'refunds', 'tr[data-topic="refunds"]', async (form) => {
    await form.getByLabel('Message type').selectOption('DELAY');
  });
  await shot(page, 'topics');
  assert.equal(await api.status(`/api/v1/instances/${instance.id}/topics/refunds`), 404);
}

export async function groupPage(page, baseUrl, api, instance) {
  await page.goto(`${baseUrl}/instances/${instance.id}/consumer-groups`);
  await withText(page.locator('tr[data-group="billing"] .max-retries'), '7');
  await createAndDelete(page, 'Group name', 'Create group', 'auditors', 'tr[data-group="auditors"]', async () => {});
  await shot(page, 'consumer-groups');
  assert.equal(await api.status(`/api/v1/instances/${instance.id}/consumer-groups/auditors`), 404);
}

/** Creates a resource through the page's form, sees its row, deletes it with the row's button, sees it go. */
async function createAndDelete(page, nameLabel, createLabel, name, rowSelector, fillRest) {
  const form = page.locator('form');
  const create = form.getByRole('button', { name: createLabel });
  await waitFor(`${createLabel} to be enabled`, 30_000, () => create.isEnabled());
  await form.getByLabel(nameLabel).fill(name);
  await fillRest(form);
  await create.click();
  const row = page.locator(rowSelector);
  await row.waitFor();
  await row.getByRole('button', { name: 'Delete' }).click();
  await row.waitFor({ state: 'detached' });
}

export async function nodesPage(page, baseUrl, api) {
  let nodes = [];
  await waitFor('six nodes UP, the brokers with replication figures', 180_000, async () => {
    nodes = await api.get('/api/v1/clusters/local/nodes');
    return nodes.length === 6 && nodes.every((node) => node.state === 'UP')
      && nodes.every((node) => (node.role === 'BROKER') === (node.replication !== null));
  });
  await page.goto(`${baseUrl}/nodes`);
  for (const node of nodes) {
    const row = await withText(page.locator(`tr[data-node-id="${node.nodeId}"]`), 'UP');
    const text = await row.innerText();
    for (const value of [node.role, node.version, String(node.pid), node.remotingAddress]) {
      assert.ok(text.includes(value), `${node.nodeId} row shows ${value}: ${text}`);
    }
  }
  await replicationShown(page, api);
  for (const broker of (await api.get('/api/v1/clusters/local/nodes')).filter((node) => node.recovery !== null)) {
    const recovery = page.locator(`tr[data-node-id="${broker.nodeId}"] .recovery`);
    await withText(recovery, `${broker.recovery.mode} · `);
  }
  const roles = (await api.get('/api/v1/clusters/local')).brokerGroupRoles;
  for (const master of nodes.filter((node) => node.brokerId === 0)) {
    const group = page.locator(`tr[data-broker-group="${master.brokerName}"]`);
    assert.equal(await group.locator('.master').innerText(), master.nodeId);
    await withText(group.locator('.configured-role'), roles[master.brokerName]);
  }
  await shot(page, 'nodes');
}

/** The replication cells of every broker equal the API's figures (the page reads the nodes every 5 s). */
async function replicationShown(page, api) {
  const figures = (replication) => [replication.brokerRole, String(replication.epoch), String(replication.lagBytes),
    replication.inSync ? 'yes' : 'no'];
  let mismatch = '';
  await waitFor('the page to show the replication figures the API answers', 30_000, async () => {
    const brokers = (await api.get('/api/v1/clusters/local/nodes')).filter((node) => node.replication !== null);
    for (const node of brokers) {
      const row = page.locator(`tr[data-node-id="${node.nodeId}"]`);
      const shown = await row.locator('.replication-role, .epoch, .lag-bytes, .in-sync').allInnerTexts();
      if (JSON.stringify(shown) !== JSON.stringify(figures(node.replication))) {
        mismatch = `${node.nodeId}: page ${shown}, API ${figures(node.replication)}`;
        return false;
      }
    }
    return brokers.length === 4;
  }).catch((error) => {
    throw new Error(`${error.message}; last difference ${mismatch}`);
  });
}

export async function upgradeWindowsPage(page, baseUrl, api, seeded) {
  await page.goto(`${baseUrl}/upgrade-windows`);
  await withText(page.locator(`tr[data-window-id="${seeded.id}"]`), seeded.targetVersion);
  const form = page.getByRole('form', { name: 'Schedule upgrade window' });
  await form.getByLabel('Target version').fill('0.1.2-ui');
  await form.getByRole('button', { name: 'Schedule' }).click();
  const row = await withText(page.locator('tr[data-window-id]'), '0.1.2-ui');
  await withText(row.locator('.state'), 'SCHEDULED');
  const id = await row.getAttribute('data-window-id');
  await row.getByRole('button', { name: 'Reschedule' }).click();
  const reschedule = row.getByRole('form', { name: `Reschedule window ${id}` });
  await reschedule.getByLabel('New minutes').fill('30');
  await reschedule.getByRole('button', { name: 'Save' }).click();
  await reschedule.waitFor({ state: 'detached' });
  const moved = await api.get(`/api/v1/clusters/local/upgrade-windows/${id}`);
  assert.equal(Date.parse(moved.endsAt) - Date.parse(moved.startsAt), 30 * 60_000);
  await calendarShows(page, seeded);
  await row.getByRole('button', { name: 'Cancel' }).click();
  await withText(row.locator('.state'), 'CANCELLED');
  await shot(page, 'upgrade-windows');
}

/** The calendar shows the seeded window on its (browser-local) start day, paging to its month if needed. */
async function calendarShows(page, seeded) {
  const { day, monthsAhead } = await page.evaluate((startsAt) => {
    const start = new Date(startsAt);
    const now = new Date();
    const pad = (value) => String(value).padStart(2, '0');
    return {
      day: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`,
      monthsAhead: (start.getFullYear() - now.getFullYear()) * 12 + start.getMonth() - now.getMonth(),
    };
  }, seeded.startsAt);
  const calendar = page.getByRole('region', { name: 'Upgrade calendar' });
  for (let month = 0; month < monthsAhead; month += 1) {
    await calendar.getByRole('button', { name: 'Next month' }).click();
  }
  await withText(calendar.locator(`[data-day="${day}"] [data-window-id="${seeded.id}"]`), seeded.targetVersion);
}

export async function auditPage(page, baseUrl, keyId) {
  await page.goto(`${baseUrl}/audit-events`);
  const created = await withText(page.locator('tr'), 'POST /api/v1/instances/{instanceId}/topics');
  assert.match(await created.innerText(), new RegExp(`${keyId}[\\s\\S]*201`));
  await withText(page.locator('tr'), 'POST /api/v1/sessions');
  await shot(page, 'audit-events');
}
