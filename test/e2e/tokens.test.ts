import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { oracleCount } from '../support/oracle';
import {
  openFile,
  openWorkbench,
  runCommand,
  screenshot,
  session,
  tokenItem,
  waitForNotification,
  waitForStatus,
} from './workbench';

/** The first line of the sample file, which the keyboard selection below covers. */
function firstLine(file: string): string {
  const text = fs.readFileSync(path.join(session().workspace, file), 'utf8');
  return text.split('\n')[0];
}

function label(tokens: number, scope: string): string {
  return `${tokens.toLocaleString('en-US')} ${tokens === 1 ? 'token' : 'tokens'} (${scope})`;
}

describe('Token count, as a person uses it', function () {
  this.timeout(120_000);
  let page: Page;
  const file = 'prompt.md';

  before(async () => {
    page = await openWorkbench();
    await openFile(page, file);
  });

  it('shows the document count once the sample file is open', async () => {
    const text = fs.readFileSync(path.join(session().workspace, file), 'utf8');
    await waitForStatus(page, label(oracleCount('o200k_base', text), 'document'));
    await screenshot('01-document-count');
  });

  it('shows the count of a line selected with the keyboard', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+End');
    await waitForStatus(page, label(oracleCount('o200k_base', firstLine(file)), 'selection'));
    await screenshot('02-selection-count');
  });

  it('answers "Count Tokens in Selection" from the command palette', async () => {
    await runCommand(page, 'LLM Scope: Count Tokens in Selection');
    const tokens = oracleCount('o200k_base', firstLine(file));
    const message = await waitForNotification(page, /Selection: \d+ tokens/);
    assert.match(message, new RegExp(`^Selection: ${tokens} tokens · `));
    assert.match(message, /o200k_base/);
    await screenshot('03-count-command');
  });

  it('switches to another encoding from the status bar item\'s Quick Pick', async () => {
    await page.keyboard.press('Escape');
    await tokenItem(page).click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('cl100k_base');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'cl100k_base' })
      .first().waitFor();
    await screenshot('04-tokenizer-pick');
    await page.keyboard.press('Enter');

    await waitForStatus(page, label(oracleCount('cl100k_base', firstLine(file)), 'selection'));
    // The workbench writes the settings file shortly after the change takes effect.
    // It may be caught half-written: read it again until it parses.
    const saved = (): unknown => {
      try {
        return JSON.parse(fs.readFileSync(session().userSettings, 'utf8'))['llmScope.tokenizer'];
      } catch {
        return undefined;
      }
    };
    for (let i = 0; i < 50 && saved() !== 'cl100k_base'; i++) {
      await page.waitForTimeout(100);
    }
    assert.equal(saved(), 'cl100k_base');
    await screenshot('05-after-pick');
  });
});
