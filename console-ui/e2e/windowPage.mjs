// The upgrade window page against a window created in this run: progress, the pre-check run through its
// button (items asserted against the API's stored answer), the report (or the clear message of a control
// plane without reports), Start now → PAUSED with its reason, a switchover refused (409) next to its button
// while the window locks, and Abort.
import assert from 'node:assert/strict';
import { shot, withText } from './pages.mjs';
import { waitFor } from './wait.mjs';

const WINDOWS = '/api/v1/clusters/local/upgrade-windows';

export async function windowPage(page, nodesTab, baseUrl, api) {
  const created = await api.post(WINDOWS, {
    startsAt: new Date(Date.now() + 4 * 86_400_000).toISOString(), duration: 'PT1H', targetVersion: '0.1.3-page' });
  const path = `${WINDOWS}/${created.id}`;
  await page.goto(`${baseUrl}/upgrade-windows/${created.id}`);
  await withText(page.getByTestId('window-state'), 'SCHEDULED');
  await withText(page.getByTestId('progress-state'), 'SCHEDULED');
  await withText(page.getByRole('figure', { name: 'Upgrade timeline per node' }), 'No node has been touched yet.');
  const preCheck = page.getByRole('region', { name: 'Pre-check' });
  await withText(preCheck.locator('p'), 'No pre-check has run for this window yet.');

  await preCheck.getByRole('button', { name: 'Run pre-check' }).click();
  await preCheck.getByTestId('pre-check-verdict').waitFor();
  await preCheckMatches(preCheck, await api.get(`${path}/pre-check`));
  await reportMatches(page, api, path);

  await page.getByLabel('Window controls').getByRole('button', { name: 'Start now' }).click();
  let progress = null;
  await waitFor('the orchestrator to pause the window on its pre-check', 60_000, async () => {
    progress = await api.get(`${path}/progress`);
    return progress.state === 'PAUSED';
  });
  await withText(page.getByTestId('pause-reason'), progress.pauseReason);
  await withText(page.getByTestId('progress-state'), 'PAUSED');
  await preCheckMatches(preCheck, await api.get(`${path}/pre-check`));
  await shot(page, 'upgrade-window-paused');

  await switchoverRefused(nodesTab, baseUrl, created.id);

  await page.getByLabel('Window controls').getByRole('button', { name: 'Abort' }).click();
  await withText(page.getByTestId('window-state'), 'FAILED');
  await withText(page.getByTestId('progress-state'), 'FAILED');
  assert.equal((await api.get(path)).state, 'FAILED');
  const run = preCheck.getByRole('button', { name: 'Run pre-check' });
  await waitFor('Run pre-check to be disabled once the window ended', 10_000, () => run.isDisabled());
  await shot(page, 'upgrade-window');
}

/** The page shows the verdict, every condition with its outcome and reason, and the locked operations. */
async function preCheckMatches(region, stored) {
  await withText(region.getByTestId('pre-check-verdict'), stored.go ? 'Go' : 'No go');
  const time = await region.getByTestId('pre-check-verdict').locator('time').getAttribute('datetime');
  assert.equal(time, stored.checkedAt);
  const rows = region.locator('tr[data-check]');
  assert.equal(await rows.count(), stored.checks.length);
  for (const check of stored.checks) {
    const row = region.locator(`tr[data-check="${check.name}"]`);
    assert.equal(await row.getAttribute('data-passed'), String(check.passed), check.name);
    assert.equal(await row.locator('.detail').innerText(), check.detail, check.name);
  }
  const locked = await region.getByRole('list', { name: 'Locked operations' }).locator('li').allInnerTexts();
  assert.deepEqual(locked, stored.lockedOperations);
}

/** Either the report's state, or (a control plane without the report endpoint) the clear message. */
async function reportMatches(page, api, path) {
  const report = page.getByRole('region', { name: 'Report' });
  if ((await api.status(`${path}/report`)) === 404) {
    await withText(report.getByTestId('report-unavailable'), 'does not serve upgrade reports');
  } else {
    await withText(report.getByTestId('report-state'), (await api.get(`${path}/report`)).state);
  }
}

/** While a window is not terminal, a switchover is refused and the 409 naming the window shows next to its button. */
async function switchoverRefused(nodesTab, baseUrl, windowId) {
  await nodesTab.goto(`${baseUrl}/nodes`);
  const group = nodesTab.locator('tr[data-broker-group="broker-a"]');
  await group.getByRole('button', { name: 'Switch over' }).click();
  await withText(group.getByRole('alert'), `upgrade window ${windowId} of cluster local is PAUSED`);
  assert.equal(await group.getByRole('status').count(), 0, 'no job was started');
}
