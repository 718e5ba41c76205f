// Debian's chromium driven by playwright-core; never a downloaded browser. Each run gets a fresh profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A browser context on a fresh --user-data-dir, removed again by `close`. */
export async function launchBrowser() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cloudmq-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(30_000);
  async function close() {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return { context, close };
}
