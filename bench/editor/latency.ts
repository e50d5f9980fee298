import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { LlmScopeApi } from '../../src/extension/extension';

/**
 * Measured inside the real extension host (run by scripts/bench-editor.mjs): the time from a
 * selection change to the status bar showing the new count, and the longest stall of the
 * extension host's event loop while a large document is counted. Prints one JSON line.
 */

const SIZES = [
  { name: '1 KB', characters: 1_000 },
  { name: '100 KB', characters: 100_000 },
  { name: '10 MB', characters: 10_000_000 },
];
const REPEATS = 5;

/** Mixed prose and code, so the counter sees realistic pieces, many of them repeated. */
function makeText(characters: number): string {
  const lines = [
    'The model reads text as tokens: pieces of words, whole words and punctuation.',
    'function score(tokens, window) { return Math.min(1, tokens / window); }',
    '{"model": "gpt-4o", "tokens": 1234, "ratio": 0.0096, "ok": true}',
    '日本語のテキストと한국어の文章、そして emoji 👍🏽 も数える。',
  ];
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < characters; i++) {
    const line = `${lines[i % lines.length]} ${i}\n`;
    parts.push(line);
    length += line.length;
  }
  return parts.join('').slice(0, characters);
}

async function until(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('timed out');
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const isCount = (text: string): boolean => /\d tokens? \(/.test(text);

export async function run(): Promise<void> {
  // The harness passes on what follows this line (test/harness/integration.mjs).
  console.log(`Running tests in ${__dirname}`);
  const extension = vscode.extensions.getExtension<LlmScopeApi>('llm-scope.llm-scope')!;
  const api = await extension.activate();
  const config = vscode.workspace.getConfiguration('llmScope');
  // No debounce: what is measured is the counting and the round trips, not the wait.
  await config.update('statusBar.debounceMs', 0, vscode.ConfigurationTarget.Global);
  const results: Record<string, unknown> = { activationMs: api.activationMs };

  for (const size of SIZES) {
    const text = makeText(size.characters);
    const document = await vscode.workspace.openTextDocument({ content: text });
    const editor = await vscode.window.showTextDocument(document);
    await until(() => isCount(api.statusBar.state().text));

    // From no selection ("(document)") to nearly all of it selected ("(selection)").
    const samples: number[] = [];
    const fromEvent: number[] = [];
    let eventAt = 0;
    const listener = vscode.window.onDidChangeTextEditorSelection(() => {
      eventAt = performance.now();
    });
    for (let i = 0; i < REPEATS; i++) {
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await until(() => api.statusBar.state().text.includes('(document)'));
      const started = performance.now();
      // Each time a little shorter: a text not counted before, as when a user drags.
      editor.selection = new vscode.Selection(new vscode.Position(0, 0),
        document.positionAt(text.length - 1 - i));
      await until(() => {
        const now = api.statusBar.state().text;
        return now.includes('(selection)') && isCount(now);
      });
      samples.push(performance.now() - started);
      fromEvent.push(performance.now() - eventAt);
    }
    listener.dispose();
    // From the API call, and from the selection event reaching the extension host: the
    // difference is the editor's own round trip to the window, which no extension controls.
    results[`selectionToStatusMs ${size.name}`] = {
      median: Number(median(samples).toFixed(1)),
      max: Number(Math.max(...samples).toFixed(1)),
      fromEventMedian: Number(median(fromEvent).toFixed(1)),
      fromEventMax: Number(Math.max(...fromEvent).toFixed(1)),
    };

    if (size.characters >= 10_000_000) {
      // A change of encoding recounts the whole document with nothing else going on.
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await until(() => api.statusBar.state().text.includes('(document)'));
      const histogram = monitorEventLoopDelay({ resolution: 1 });
      histogram.enable();
      const started = performance.now();
      await config.update('tokenizer', 'cl100k_base', vscode.ConfigurationTarget.Global);
      await until(() => isCount(api.statusBar.state().text)
        && api.statusBar.state().tooltip.includes('cl100k_base'));
      const countMs = performance.now() - started;
      histogram.disable();
      results['10 MB document recount'] = {
        totalMs: Number(countMs.toFixed(0)),
        longestStallMs: Number((histogram.max / 1e6).toFixed(1)),
        p99StallMs: Number((histogram.percentile(99) / 1e6).toFixed(1)),
      };
      await config.update('tokenizer', undefined, vscode.ConfigurationTarget.Global);

      // Typing one character in the big document: only the edited region is recounted.
      const typing: number[] = [];
      for (let i = 0; i < REPEATS; i++) {
        const before = api.statusBar.state().text;
        const started = performance.now();
        await editor.edit((edit) => edit.insert(document.positionAt(5_000_000), 'x '));
        await until(() => api.statusBar.state().text !== before
          && isCount(api.statusBar.state().text));
        typing.push(performance.now() - started);
      }
      results['10 MB edit to status ms'] = {
        median: Number(median(typing).toFixed(1)),
        max: Number(Math.max(...typing).toFixed(1)),
      };
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }

  await config.update('statusBar.debounceMs', undefined, vscode.ConfigurationTarget.Global);
  console.log(`EDITOR-BENCH ${JSON.stringify(results)}`);
  console.log('1 passed, 0 failed, 0 skipped');
}
