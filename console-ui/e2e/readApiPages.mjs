// The pages built on the read and reliability APIs (topic stats and metrics history,
// consumer clients, lag, offset resets, dead letters, message query), against the messages and offsets
// messageData.mjs created in this run.
import assert from 'node:assert/strict';
import { COMMITTED, MESSAGE_KEY, SENT } from './messageData.mjs';
import { shot, withText } from './pages.mjs';
import { waitFor } from './wait.mjs';

function rate(value) {
  return value.toFixed(2);
}

export async function topicDetailPage(page, baseUrl, api, instance, data) {
  const path = `/api/v1/instances/${instance.id}/topics/orders`;
  await waitFor(`the stats of orders to count ${SENT} messages`, 60_000,
    async () => (await api.get(`${path}/stats`)).messageCount === SENT);
  await waitFor('a scraped rate sample of orders', 60_000,
    async () => (await api.get(`${path}/metrics`)).points.length > 0);
  await page.goto(`${baseUrl}/instances/${instance.id}/topics`);
  await page.locator('tr[data-topic="orders"]').getByRole('link', { name: 'orders' }).click();
  await withText(page.getByTestId('message-count'), String(SENT));
  // The rates move with every scrape: compare a fresh page with the API until both saw the same scrape.
  let stats = null;
  await waitFor('the page to show the rates the API answers', 60_000, async () => {
    await page.reload();
    await page.getByTestId('send-tps').waitFor();
    const shown = [await page.getByTestId('send-tps').innerText(), await page.getByTestId('receive-tps').innerText()];
    stats = await api.get(`${path}/stats`);
    return shown[0] === rate(stats.sendTps) && shown[1] === rate(stats.receiveTps);
  });
  const queue = page.locator(`tr[data-queue="${data.queue}"]`);
  assert.equal(await queue.locator('.max-offset').innerText(), String(SENT));
  assert.equal(await page.locator('table[aria-label="Queues"] tbody tr').count(), stats.queues.length);
  const chart = page.getByRole('figure', { name: /Send and receive rates/ });
  await chart.locator('g[data-metric="sendTps"] circle').first().waitFor();
  await chart.locator('g[data-metric="receiveTps"] circle').first().waitFor();
  await shot(page, 'topic-detail');
}

export async function messagesPage(page, baseUrl, instance, data) {
  await page.goto(`${baseUrl}/instances/${instance.id}/messages`);
  const form = page.getByRole('form', { name: 'Find messages' });
  await form.getByLabel('Topic', { exact: true }).fill('orders');
  await form.getByLabel('Key', { exact: true }).fill(MESSAGE_KEY);
  await form.getByRole('button', { name: 'Find' }).click();
  const cards = page.locator('article.message');
  await waitFor(`${SENT} messages found by key`, 30_000, async () => (await cards.count()) === SENT);
  for (let offset = 0; offset < SENT; offset += 1) {
    const card = cards.filter({ hasText: `${data.queue.replace('/', ' / ')} at offset ${offset}` });
    assert.equal(await card.locator('.keys').innerText(), MESSAGE_KEY);
    assert.equal(await card.locator('.tags').innerText(), 'paid');
    assert.equal(await card.locator('tr[data-property="KEYS"] td').innerText(), MESSAGE_KEY);
    assert.ok((await card.locator('pre.body').innerText()).includes(`"part":${offset}`));
    const state = await card.locator('tr[data-group="billing"] .delivery-state').innerText();
    assert.equal(state, offset < COMMITTED ? 'consumed' : 'not consumed', `offset ${offset}`);
  }
  await shot(page, 'messages');

  const unconsumed = cards.filter({ hasText: `at offset ${COMMITTED}` });
  const messageId = await unconsumed.getAttribute('data-message-id');
  await form.getByLabel('By message id').check();
  await form.getByLabel('Message id', { exact: true }).fill(messageId);
  await form.getByRole('button', { name: 'Find' }).click();
  await waitFor('exactly the one message found by id', 30_000, async () =>
    (await cards.count()) === 1 && (await cards.first().getAttribute('data-message-id')) === messageId);
}

export async function groupDetailPage(page, baseUrl, api, instance, data) {
  const path = `/api/v1/instances/${instance.id}/consumer-groups/billing`;
  const lagOfQueue = async () => (await api.get(`${path}/lag`)).queues
    .find((queue) => queue.topic === 'orders' && `${queue.brokerName}/${queue.queueId}` === data.queue)?.lag;
  await waitFor('billing to lag one message behind on the queue', 60_000,
    async () => (await lagOfQueue()) === SENT - COMMITTED);
  await page.goto(`${baseUrl}/instances/${instance.id}/consumer-groups`);
  await page.locator('tr[data-group="billing"]').getByRole('link', { name: 'billing' }).click();
  const lagRow = page.locator(`tr[data-queue="orders/${data.queue}"]`);
  await withText(lagRow.locator('.lag'), String(SENT - COMMITTED));
  assert.equal(await page.getByTestId('total-lag').innerText(), String((await api.get(`${path}/lag`)).totalLag));
  await page.getByRole('figure', { name: /Lag, last hour/ }).waitFor();
  const clients = (await api.get(`${path}/clients`)).clients;
  const clientSection = page.getByRole('region', { name: 'Connected clients' });
  await withText(clientSection, clients.length === 0 ? 'No client of this group is connected' : clients[0].versionName);
  await shot(page, 'consumer-group-detail');

  await offsetResetWithUndo(page, lagOfQueue, data);
  await deadLetters(page, api, path);
}

async function offsetResetWithUndo(page, lagOfQueue, data) {
  const section = page.getByRole('region', { name: 'Offset reset', exact: true });
  const preview = section.getByRole('form', { name: 'Preview offset reset' });
  await waitFor('Preview to be enabled', 30_000, () => preview.getByRole('button', { name: 'Preview' }).isEnabled());
  await preview.getByLabel('Reset to').selectOption('EARLIEST');
  await preview.getByRole('button', { name: 'Preview' }).click();
  const table = section.getByRole('region', { name: 'Offset reset preview' });
  const queue = table.locator(`tr[data-queue="orders/${data.queue}"]`);
  assert.equal(await queue.locator('.current-offset').innerText(), String(COMMITTED));
  assert.equal(await queue.locator('.new-offset').innerText(), '0');
  assert.equal(await queue.locator('.redelivered').innerText(), String(COMMITTED));
  assert.equal(await lagOfQueue(), SENT - COMMITTED, 'a preview changes nothing');
  await shot(page, 'offset-reset-preview');

  await table.getByRole('button', { name: 'Apply reset' }).click();
  await table.waitFor({ state: 'detached' });
  await waitFor('the reset to rewind billing to the start of the queue', 30_000,
    async () => (await lagOfQueue()) === SENT);
  const applied = section.locator('tr[data-reset-id]').first();
  await applied.getByRole('button', { name: 'Undo' }).click();
  await applied.getByRole('button', { name: 'Undo' }).waitFor({ state: 'detached' });
  assert.notEqual(await applied.locator('.undone').innerText(), '–');
  await waitFor('the undo to restore the offset of billing', 30_000,
    async () => (await lagOfQueue()) === SENT - COMMITTED);
}

async function deadLetters(page, api, path) {
  const letters = (await api.get(`${path}/dead-letters?page=0&size=20`)).items;
  const section = page.getByRole('region', { name: 'Dead letters' });
  assert.equal(letters.length, 0, 'no message of this run failed its retries');
  await withText(section, 'No dead letters');
  assert.equal(await section.getByRole('button', { name: /Resend selected/ }).isDisabled(), true);
}
