// The upgrade lock as a user meets it: banner and disabled controls on a fresh page, the server's 423 on a
// stale page that still submits, and changes working again once the window is aborted.
import assert from 'node:assert/strict';
import { shot, withText } from './pages.mjs';
import { waitFor } from './wait.mjs';

export async function upgradeFlow(context, page, baseUrl, api, instance) {
  const topicsUrl = `${baseUrl}/instances/${instance.id}/topics`;
  const stale = await context.newPage();
  await stale.goto(topicsUrl);
  await waitFor('the stale form to be enabled', 30_000,
    () => stale.getByRole('button', { name: 'Create topic' }).isEnabled());
  await stale.getByLabel('Topic name').fill('late-topic');

  const windows = '/api/v1/clusters/local/upgrade-windows';
  const window = await api.post(windows, {
    startsAt: new Date(Date.now() + 10 * 60_000).toISOString(), duration: 'PT1H', targetVersion: '0.1.1-e2e' });
  assert.equal((await api.post(`${windows}/${window.id}/start`)).state, 'IN_PROGRESS');

  await page.goto(topicsUrl);
  await withText(page.getByRole('status'), window.id);
  await withText(page.locator('.disabled-reason'), `Locked by upgrade window ${window.id}`);
  assert.equal(await page.getByRole('button', { name: 'Create topic' }).isDisabled(), true);
  const deleteButton = page.locator('tr[data-topic="payments"]').getByRole('button', { name: 'Delete' });
  assert.equal(await deleteButton.isDisabled(), true);
  await shot(page, 'upgrade-lock');

  await stale.getByRole('button', { name: 'Create topic' }).click();
  const problem = await withText(stale.getByRole('alert'), 'Locked by an upgrade window');
  assert.match(await problem.innerText(), new RegExp(`locked by upgrade window ${window.id}`));
  await withText(stale.getByRole('status'), window.id);
  await shot(stale, 'stale-submit-423');
  await stale.close();
  assert.equal(await api.status(`/api/v1/instances/${instance.id}/topics/late-topic`), 404);

  assert.equal((await api.post(`${windows}/${window.id}/abort`)).state, 'FAILED');
  await page.reload();
  const create = page.getByRole('button', { name: 'Create topic' });
  await waitFor('Create topic to be enabled after the abort', 30_000, () => create.isEnabled());
  assert.equal(await page.getByRole('status').count(), 0);
  await page.getByLabel('Topic name').fill('late-topic');
  await create.click();
  await page.locator('tr[data-topic="late-topic"]').waitFor();
  assert.equal((await api.get(`/api/v1/instances/${instance.id}/topics/late-topic`)).messageType, 'NORMAL');
}
