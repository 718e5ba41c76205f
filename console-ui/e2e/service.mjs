// The standalone service as a user runs it: `java -jar` on a private data directory, HTTP port and node
// port base; stopped with SIGTERM, after which no process naming the data directory may be left.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './wait.mjs';

const PORT_BASE = 27376;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Every process other than this one whose command line names `marker`. */
export function processesNaming(marker) {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

export async function startService(jar) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cloudmq-e2e-'));
  const port = await freePort();
  const logFile = join(dataDir, 'control-plane.log');
  const log = openSync(logFile, 'a');
  const child = spawn('java', ['-Xmx384m', '-XX:+UseSerialGC', '-jar', jar, `--server.port=${port}`,
    `--cloudmq.data-dir=${dataDir}`, `--cloudmq.standalone.port-base=${PORT_BASE}`], { stdio: ['ignore', log, log] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  const keyFile = join(dataDir, 'bootstrap-admin.key');
  await waitFor(`the service to be healthy with its bootstrap key (log: ${logFile})`, 180_000, async () => {
    if (child.exitCode !== null) {
      throw new Error(`service exited with ${child.exitCode}; see ${logFile}`);
    }
    const health = await fetch(`${baseUrl}/actuator/health`).catch(() => null);
    return health?.ok === true && existsSync(keyFile) && readFileSync(keyFile, 'utf8').trim().length > 0;
  }).catch(async (error) => {
    // A service that never got healthy is stopped too: left running, it would keep this script (and the
    // build waiting for it) alive and leave its nodes and database behind.
    await stop().catch((stopError) => console.error(stopError));
    throw error;
  });

  async function stop() {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 90_000))]);
    }
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    await waitFor(`no process of ${dataDir} to be left`, 60_000, () => processesNaming(dataDir).length === 0)
      .catch((error) => {
        processesNaming(dataDir).forEach((pid) => process.kill(pid, 'SIGKILL'));
        throw error;
      });
  }

  return { baseUrl, dataDir, key: readFileSync(keyFile, 'utf8').trim(), stop };
}
