// End-to-end test of the console in a real browser against the packaged service:
//   node e2e/run.mjs            (jar: $CLOUDMQ_JAR or ../control-plane/target/control-plane-*.jar)
// Starts the standalone service, creates data through the REST API, checks every page shows it, runs the
// upgrade-lock flow, writes screenshots to e2e/screenshots/, stops the service and checks nothing is left.
// Message data comes from a minimal signed remoting client (remoting.mjs).
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { restClient } from './api.mjs';
import { CHROMIUM, launchBrowser } from './browser.mjs';
import { connectionSnippet, credentialsPage } from './credentialsPage.mjs';
import { auditPage, groupPage, instancePages, nodesPage, signIn, topicPage, upgradeWindowsPage } from './pages.mjs';
import { sendMessages } from './messageData.mjs';
import { groupDetailPage, messagesPage, topicDetailPage } from './readApiPages.mjs';
import { startService } from './service.mjs';
import { startSwitchover, switchoverEnded } from './switchover.mjs';
import { upgradeFlow } from './upgradeFlow.mjs';
import { windowPage } from './windowPage.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function findJar() {
  if (process.env.CLOUDMQ_JAR) {
    return process.env.CLOUDMQ_JAR;
  }
  const target = join(here, '..', '..', 'control-plane', 'target');
  const jar = existsSync(target) && readdirSync(target).find((name) => /^control-plane-.*\.jar$/.test(name));
  if (!jar) {
    throw new Error(`No control-plane jar in ${target}: run ./mvnw package first`);
  }
  return join(target, jar);
}

async function seed(api) {
  const instance = await api.post('/api/v1/instances', { name: 'orders-e2e', cluster: 'local', tier: 'single_node' });
  await api.post(`/api/v1/instances/${instance.id}/topics`, { name: 'payments', messageType: 'FIFO' });
  await api.post(`/api/v1/instances/${instance.id}/topics`, { name: 'orders', messageType: 'NORMAL' });
  await api.post(`/api/v1/instances/${instance.id}/consumer-groups`, { name: 'billing', maxRetries: 7 });
  const { credential } = await api.post(`/api/v1/instances/${instance.id}/credentials`,
    { role: 'sub', groups: ['billing'] });
  return { instance, credential };
}

/** The window the upgrade windows page lists; seeded after the switchover started (a window refuses one). */
function seedWindow(api) {
  return api.post('/api/v1/clusters/local/upgrade-windows', {
    startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), duration: 'PT2H', targetVersion: '9.9.9-seed' });
}

/** Pages on the read APIs (topic stats, messages) and the consumer-group reliability APIs. */
async function readApiSteps(page, baseUrl, api, instance, data) {
  await step('topic detail: message count, rates, queues and the rate chart',
    () => topicDetailPage(page, baseUrl, api, instance, data));
  await step('messages: by key with properties and per-group delivery state, then by id',
    () => messagesPage(page, baseUrl, instance, data));
  await step('consumer group detail: lag and chart, clients, offset reset preview/apply/undo, dead letters',
    () => groupDetailPage(page, baseUrl, api, instance, data));
}

let passed = 0;
async function step(name, action) {
  const started = Date.now();
  const took = () => `(${((Date.now() - started) / 1000).toFixed(1)} s)`;
  try {
    await action();
  } catch (error) {
    console.error(`not ok - ${name} ${took()}\n`, error);
    throw error;
  }
  passed += 1;
  console.log(`ok ${passed} - ${name} ${took()}`);
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
  }
  mkdirSync(join(here, 'screenshots'), { recursive: true });
  const service = await startService(findJar());
  console.log(`service at ${service.baseUrl}, data in ${service.dataDir}`);
  let browser = null;
  let failed = 0;
  try {
    const api = restClient(service.baseUrl, service.key);
    const { instance, credential } = await seed(api);
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    const { baseUrl } = service;
    await step('sign-in exchanges the key for an httpOnly SameSite=Strict cookie',
      () => signIn(page, baseUrl, service.key));
    await step('instance list and detail show namespace and quotas', () => instancePages(page, baseUrl, instance));
    await step('topics: list with message type, create, delete', () => topicPage(page, baseUrl, api, instance));
    await step('consumer groups: list, create, delete', () => groupPage(page, baseUrl, api, instance));
    await step('nodes show role, state, version, pid and the replication figures of the API',
      () => nodesPage(page, baseUrl, api));
    let data = null;
    await step('messages sent and an offset committed over the remoting protocol, signed with a credential',
      async () => {
        data = await sendMessages(api, instance);
      });
    await readApiSteps(page, baseUrl, api, instance, data);
    // A second tab on the nodes page: the switchover it starts runs on while the next steps use the first tab.
    const nodesTab = await browser.context.newPage();
    await step('window page: progress, pre-check by its button, report, start → paused, 409 switchover, abort',
      () => windowPage(page, nodesTab, baseUrl, api));
    let jobId = null;
    await step('switchover of a broker group started from the nodes page', async () => {
      jobId = await startSwitchover(nodesTab, baseUrl);
    });
    let createdKey = null;
    await step('credentials: list, create with the secret shown once, disable', async () => {
      createdKey = await credentialsPage(page, baseUrl, api, instance, credential);
    });
    await step('instance connection snippet uses a chosen enabled credential',
      () => connectionSnippet(page, baseUrl, api, instance, credential, createdKey));
    await step('upgrade windows: list, calendar, schedule, reschedule, cancel',
      async () => upgradeWindowsPage(page, baseUrl, api, await seedWindow(api)));
    await step('audit events show the calls of this run', () => auditPage(page, baseUrl, service.key.slice(4, 16)));
    await step('upgrade lock: banner, disabled controls, 423 on a stale page, create after abort',
      () => upgradeFlow(browser.context, page, baseUrl, api, instance));
    await step('the switchover job ended; the nodes page shows its real outcome', async () => {
      const job = await switchoverEnded(nodesTab, api, jobId);
      console.log(`# switchover ${job.id}: ${job.state}${job.detail ? ` (${job.detail})` : ''}`);
    });
    await step('sign-out ends the session', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      const status = await page.evaluate(async () => (await fetch('/api/v1/instances')).status);
      if (status !== 401) throw new Error(`after sign-out the API answered ${status}`);
    });
  } catch {
    failed = 1;
  } finally {
    await browser?.close();
    await step('service stopped, no process of its data directory left', () => service.stop()).catch(() => {
      failed += 1;
    });
  }
  if (failed === 0) {
    rmSync(service.dataDir, { recursive: true, force: true });
  } else {
    console.log(`kept for inspection: ${service.dataDir}`);
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
