import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

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

export async function screenshot(name: string): Promise<string> {
  const file = path.join(session().screenshotsDir, `${name}.png`);
  await session().page.screenshot({ path: file });
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
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The LLM Scope token item in the status bar. */
export function tokenItem(page: Page): Locator {
  return page.locator('.statusbar-item[id="llm-scope.llm-scope.llmScope.tokens"]');
}

/** Waits until the status bar item reads `expected` and returns what it read. */
export async function waitForStatus(page: Page, expected: string): Promise<string> {
  const item = tokenItem(page);
  const deadline = Date.now() + 20_000;
  let text = '';
  while (Date.now() < deadline) {
    text = normalise((await item.textContent().catch(() => null)) ?? '');
    if (text === expected) {
      return text;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`The status bar item reads "${text}", expected "${expected}".`);
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
