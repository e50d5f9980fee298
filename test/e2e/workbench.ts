import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** What test/harness/e2e.mjs hands the UI checks. */
export interface E2eSession {
  readonly page: Page;
  /** The workbench URL with the sample workspace open. */
  readonly url: string;
  readonly workspace: string;
  readonly userSettings: string;
  readonly screenshotsDir: string;
}

export function session(): E2eSession {
  const value = (globalThis as { llmScopeE2e?: E2eSession }).llmScopeE2e;
  if (value === undefined) {
    throw new Error('The UI checks run from test/harness/e2e.mjs, which opens the browser.');
  }
  return value;
}

/** The editor renders spaces as no-break spaces; compare text as a person reads it. */
export function normalise(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

export async function openWorkbench(): Promise<Page> {
  const { page, url } = session();
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The extension activates on startup finished; its status bar item is the sign.
  await page.locator('.statusbar').waitFor();
  return page;
}

/** Saves the whole page, or only `target` (a chart, say) when given, as `name`.png. */
export async function screenshot(name: string, target?: Locator): Promise<string> {
  const file = path.join(session().screenshotsDir, `${name}.png`);
  await (target ?? session().page).screenshot({ path: file });
  console.log(`    screenshot: ${file}`);
  return file;
}

/** Opens a workspace file through Quick Open (Ctrl+P), as a person would. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  // Enter before the result row exists opens nothing: wait for the row.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Runs a command from the command palette (Ctrl+Shift+P) by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  const deadline = Date.now() + 30_000;
  // The palette lists the commands known when it opens and is not refreshed. Just after a
  // reload the extension's commands may not be registered yet, so a palette without the row is
  // closed and opened again, as a person would.
  for (;;) {
    await page.keyboard.press('Control+Shift+P');
    await input.waitFor();
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ timeout: 3_000 });
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
}

/** Closes every editor and webview panel, and waits until a reload would restore none. */
export async function closeAllEditors(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
  await waitForSavedEditors(page, (saved) => saved === '', 'The saved editors');
}

// Runs in the page, as a string because the tests are compiled without the DOM's types. The
// workbench keeps the window's open editors, with each webview's state, under this key of the
// workspace's IndexedDB database; the key is absent while no editor is open.
const READ_SAVED_EDITORS = `(async () => {
  const read = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  for (const { name } of await indexedDB.databases()) {
    if (!name.startsWith('vscode-web-state-db-') || name === 'vscode-web-state-db-global') {
      continue;
    }
    const db = await read(indexedDB.open(name));
    try {
      if (db.objectStoreNames.contains('ItemTable')) {
        const store = db.transaction('ItemTable').objectStore('ItemTable');
        const value = await read(store.get('memento/workbench.parts.editor'));
        if (value !== undefined) {
          return String(value);
        }
      }
    } finally {
      db.close();
    }
  }
  return '';
})()`;

/**
 * Waits until what the workbench saved of its open editors satisfies `accept`. The browser
 * workbench writes that state every few seconds while idle, and its write at unload does not
 * always finish, so a reload right after a change may restore the state from before it: a
 * test that reloads waits here first.
 */
export async function waitForSavedEditors(
  page: Page,
  accept: (saved: string) => boolean,
  what: string,
): Promise<void> {
  await waitForReading(page, () => page.evaluate<string>(READ_SAVED_EDITORS), accept, what);
}

/**
 * The page inside the visible webview panel. A webview is two iframes deep: the workbench's
 * host frame, then the frame holding the extension's HTML.
 */
export function webview(page: Page): FrameLocator {
  return page
    .locator('iframe.webview.ready')
    .filter({ visible: true })
    .contentFrame()
    .locator('iframe#active-frame')
    .contentFrame();
}

/**
 * Changes user settings by writing the settings file, as an edit of settings.json would; a
 * value of undefined removes the key. The workbench reads the file when it loads, so call
 * openWorkbench() afterwards for the change to be certain to apply.
 */
export function updateUserSettings(changes: Record<string, unknown>): void {
  const file = session().userSettings;
  const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) {
      delete settings[key];
    } else {
      settings[key] = value;
    }
  }
  fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}

/** Reads until `accept` holds and returns that reading; fails with the last one after 20 s. */
export async function waitForReading<T>(
  page: Page,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 20_000;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) {
      const shown = JSON.stringify(value);
      throw new Error(`${what} reads ${shown.length > 300 ? `${shown.slice(0, 300)}…` : shown}.`);
    }
    await page.waitForTimeout(100);
    value = await read();
  }
  return value;
}

/** The LLM Scope token item in the status bar. */
export function tokenItem(page: Page): Locator {
  return page.locator('.statusbar-item[id="llm-scope.llm-scope.llmScope.tokens"]');
}

/** Waits until the status bar item reads `expected` and returns what it read. */
export async function waitForStatus(page: Page, expected: string): Promise<string> {
  const item = tokenItem(page);
  return waitForReading(
    page,
    async () => normalise((await item.textContent().catch(() => null)) ?? ''),
    (text) => text === expected,
    `The status bar item (expected "${expected}")`,
  );
}

/** The text of the newest notification toast whose message matches `pattern`. */
export async function waitForNotification(page: Page, pattern: RegExp): Promise<string> {
  const toast = page
    .locator('.notifications-toasts .notification-list-item-message')
    .filter({ hasText: pattern })
    .last();
  await toast.waitFor({ timeout: 20_000 });
  return normalise((await toast.textContent()) ?? '');
}
