// Debian's Chromium driven by playwright-core; Playwright never downloads a browser here.
import path from 'node:path';
import { chromium } from 'playwright-core';

/**
 * Flags that work as root on these machines. The background-networking ones matter: without
 * them Chromium keeps opening connections that the closed network refuses.
 */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * @param {string} executablePath
 * @param {{ root: string, env: Record<string, string> }} state
 */
export async function launchBrowser(executablePath, state) {
  // A persistent context in the state folder is the "fresh user-data dir" Chromium needs.
  const context = await chromium.launchPersistentContext(path.join(state.root, 'chromium'), {
    executablePath,
    headless: true,
    args: FLAGS,
    env: { ...process.env, ...state.env },
    viewport: { width: 1400, height: 900 },
    // The clipboard is part of what the commands under test use.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}
