import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  FAULT_MODELS,
  type FakeEmbeddingServer,
  KNOWN_VECTORS,
  startEmbeddingServer,
} from '../fakes/embeddingServer';
import {
  closeAllEditors,
  normalise,
  openFile,
  openWorkbench,
  runCommand,
  screenshot,
  session,
  updateUserSettings,
  waitForNotification,
  waitForReading,
  webview,
} from './workbench';

const FIRST = 'The cat sat on the mat.';
const SECOND = 'A cat was sitting on the mat.';
const FILE = 'cats.txt';

/** Distinctive, so finding it anywhere on the page can only mean it leaked. */
const KEY = 'e2e-cohere-key-5c81f0d2';

/** cos θ = a·b / (|a| |b|), computed here from the fake's hand-picked vectors. */
function cosine(a: readonly number[], b: readonly number[]): number {
  const dot = a.reduce((sum, value, i) => sum + value * b[i], 0);
  const norm = (v: readonly number[]): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return dot / (norm(a) * norm(b));
}

/** Both lines of the file as two selections: a cursor on each line, then Shift+End. */
async function selectBothLines(page: Page): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  // "Add Cursor Below" is Shift+Alt+Down on Linux, where the workbench runs here.
  await page.keyboard.press('Shift+Alt+ArrowDown');
  await page.keyboard.press('Shift+End');
  const selection = page.locator('.statusbar-item[id="status.editor.selection"]');
  await waitForReading(
    page,
    async () => normalise((await selection.textContent()) ?? ''),
    (text) => text.startsWith('2 selections'),
    'The editor\'s selection status',
  );
}

let server: FakeEmbeddingServer;

/** The settings that point the extension at the fake; undefined for `model` removes them. */
function embeddingSettings(model: string | undefined): Record<string, unknown> {
  return {
    'llmScope.embeddings.provider': model === undefined ? undefined : 'cohere',
    'llmScope.embeddings.cohere.baseUrl': model === undefined ? undefined : server.url,
    'llmScope.embeddings.cohere.model': model,
  };
}

describe('Embedding similarity, as a person uses it', function () {
  this.timeout(120_000);
  let page: Page;

  before(async () => {
    server = await startEmbeddingServer();
    fs.writeFileSync(path.join(session().workspace, FILE), `${FIRST}\n${SECOND}\n`);
    // The workbench reads the settings file when it loads, so the reload below applies them.
    updateUserSettings(embeddingSettings('embed-v4.0'));
    page = await openWorkbench();
  });

  after(async () => {
    updateUserSettings(embeddingSettings(undefined));
    await runCommand(page, 'LLM Scope: Clear Cohere API Key');
    await waitForNotification(page, /Cohere API key removed/);
    await closeAllEditors(page);
    fs.rmSync(path.join(session().workspace, FILE));
    await server.close();
  });

  it('saves a Cohere key typed into the password box of "Set Cohere API Key"', async () => {
    await runCommand(page, 'LLM Scope: Set Cohere API Key');
    const input = page.locator('.quick-input-widget input[type="password"]');
    await input.waitFor();
    await page.keyboard.type(KEY);
    await page.keyboard.press('Enter');

    await waitForNotification(page, /Cohere API key saved/);
  });

  it('shows cosine 8/9 for the two sentences selected as two selections', async () => {
    await openFile(page, FILE);
    await selectBothLines(page);
    await runCommand(page, 'LLM Scope: Compare Embedding Similarity');

    // (1·2 + 2·1 + 2·2) / (3·3) = 8/9 ≈ 0.8889 for the fake's vectors.
    const expected = cosine(KNOWN_VECTORS[FIRST], KNOWN_VECTORS[SECOND]).toFixed(4);
    const value = webview(page).locator('dl.measures dt:text-is("Cosine similarity") + dd');
    const shown = await waitForReading(
      page,
      async () => normalise((await value.textContent()) ?? ''),
      (text) => text !== '',
      'The cosine in the results view',
    );
    assert.equal(shown, expected);
    await screenshot('similarity-cosine');
  });

  it('reports a rejected key with a "Set Cohere API Key" button, never the key', async () => {
    updateUserSettings(embeddingSettings(FAULT_MODELS.unauthorized));
    await openWorkbench();
    await openFile(page, FILE);
    await selectBothLines(page);
    const before = server.requests.length;
    await runCommand(page, 'LLM Scope: Compare Embedding Similarity');

    const toast = page
      .locator('.notifications-toasts .notification-list-item')
      .filter({ hasText: /rejected the API key/ })
      .last();
    await toast.waitFor({ timeout: 20_000 });
    const message = normalise(
      (await toast.locator('.notification-list-item-message').textContent()) ?? '',
    );
    assert.match(message, /^LLM Scope: Cohere rejected the API key \(401\)/);
    await toast.getByRole('button', { name: 'Set Cohere API Key' }).waitFor();

    // The fake echoes the Authorization header in its 401 body, so the key was in the answer.
    assert.equal(server.requests.at(before)?.authorization, `Bearer ${KEY}`);
    for (const frame of page.frames()) {
      const html = await frame.content().catch(() => '');
      assert.equal(html.includes(KEY), false, `the key appears in ${frame.url()}`);
    }
    await screenshot('similarity-rejected-key');
  });
});
