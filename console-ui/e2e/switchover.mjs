// A switchover of one broker group started from the nodes page: the job is followed on the page while the
// run goes on in another tab, and the state the page ends on is the job's real outcome read from the API.
import assert from 'node:assert/strict';
import { shot, withText } from './pages.mjs';
import { waitFor } from './wait.mjs';

export const SWITCHED_GROUP = 'broker-b';

/** Clicks Switch over; returns the accepted job's id as the page shows it. */
export async function startSwitchover(nodesTab, baseUrl) {
  await nodesTab.goto(`${baseUrl}/nodes`);
  const group = nodesTab.locator(`tr[data-broker-group="${SWITCHED_GROUP}"]`);
  await group.getByRole('button', { name: 'Switch over' }).click();
  const status = group.getByRole('status', { name: `Switchover of ${SWITCHED_GROUP}` });
  await status.waitFor();
  return status.getAttribute('data-job-id');
}

/** Waits until the page shows the job ended, then asserts it shows the API's state and outcome. */
export async function switchoverEnded(nodesTab, api, jobId) {
  const group = nodesTab.locator(`tr[data-broker-group="${SWITCHED_GROUP}"]`);
  const status = group.getByRole('status', { name: `Switchover of ${SWITCHED_GROUP}` });
  // The runner gives the old master two minutes to rejoin as slave before it fails the job.
  await waitFor('the switchover job to end on the page', 180_000,
    async () => (await status.getAttribute('data-done')) === 'true');
  const job = await api.get(`/api/v1/clusters/local/switchover-jobs/${jobId}`);
  assert.equal(await status.getAttribute('data-state'), job.state);
  const outcome = await status.locator('.job-outcome').innerText();
  if (job.state === 'SUCCEEDED') {
    assert.equal(outcome, `${job.toNodeId} leads in epoch ${job.epoch}, ${job.fromNodeId} follows`);
    await withText(group.locator('.master'), job.toNodeId);
  } else {
    assert.equal(outcome, job.detail);
  }
  await shot(nodesTab, 'nodes-switchover');
  return job;
}
