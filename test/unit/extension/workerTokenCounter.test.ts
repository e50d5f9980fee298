import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type * as vscode from 'vscode';
import { ENCODING_NAMES } from '../../../src/core/tokens/encodings';
import type { OffsetRange } from '../../../src/core/tokens/selections';
import {
  type CountableDocument,
  CountCancelledError,
  type DocumentCount,
  type DocumentEdit,
} from '../../../src/extension/tokenCounter';
import { type CounterLog, WorkerTokenCounter } from '../../../src/extension/workerTokenCounter';
import { randomText, seededRandom } from '../../support/fuzzAlphabet';
import { oracleCount } from '../../support/oracle';

/** `npm run test:unit` builds dist/ before it bundles the tests into out/test/. */
const WORKER = join(__dirname, '..', '..', '..', '..', 'dist', 'tokenWorker.js');

function cancellationSource(): { token: vscode.CancellationToken; cancel(): void } {
  const listeners = new Set<(event: undefined) => unknown>();
  let cancelled = false;
  const token: vscode.CancellationToken = {
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested: (listener: (event: undefined) => unknown) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
  };
  const cancel = (): void => {
    cancelled = true;
    listeners.forEach((listener) => listener(undefined));
  };
  return { token, cancel };
}

function recordingLog(): CounterLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    warn: (message) => lines.push(`warn: ${message}`),
    error: (message) => lines.push(`error: ${message}`),
  };
}

/** About 0.5 MB of lines: a dozen chunks, and long enough to count that it can be stopped. */
function largeText(seed: number): string {
  const random = seededRandom(seed);
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    lines.push(`${i % 3 === 0 ? '    ' : ''}${randomText(random, 12)} item_${i} = ${i};`);
  }
  return lines.join('\n');
}

interface FakeDocument extends CountableDocument {
  /** Replaces text and returns the change as VS Code reports it; the version goes up. */
  replace(offset: number, length: number, text: string): DocumentEdit['contentChanges'][number];
}

function fakeDocument(uri: string, initial: string): FakeDocument {
  let text = initial;
  let version = 1;
  return {
    uri: { toString: () => uri },
    get version() {
      return version;
    },
    getText: () => text,
    replace(offset, length, inserted) {
      text = text.slice(0, offset) + inserted + text.slice(offset + length);
      version++;
      return { rangeOffset: offset, rangeLength: length, text: inserted };
    },
  };
}

describe('WorkerTokenCounter', () => {
  const counter = new WorkerTokenCounter(WORKER);
  after(() => counter.dispose());

  it('counts what the official tiktoken counts, for every encoding', async () => {
    const random = seededRandom(11);
    const texts = ['Hello, world!', '', randomText(random, 400), largeText(5).slice(0, 100_000)];

    for (const encoding of ENCODING_NAMES) {
      const expected = texts.reduce((sum, text) => sum + oracleCount(encoding, text), 0);
      assert.equal(await counter.count(texts, encoding), expected, encoding);
    }
  });

  it('counts a large document and, after a one-line edit, the edited one', async () => {
    const text = largeText(6);
    const middle = text.indexOf('\n', text.length >> 1) + 1;
    const edited = `${text.slice(0, middle)}let inserted = true;\n${text.slice(middle)}`;

    assert.equal(await counter.count([text], 'o200k_base'), oracleCount('o200k_base', text));
    assert.equal(await counter.count([edited], 'o200k_base'), oracleCount('o200k_base', edited));
  });

  it('rejects a cancelled count with CountCancelledError, then counts the next one', async () => {
    const source = cancellationSource();
    const pending = counter.count([largeText(7)], 'cl100k_base', source.token);
    // At once, while the worker has it: a timer could fire after a fast count had finished.
    source.cancel();

    await assert.rejects(pending, CountCancelledError);
    assert.equal(await counter.count(['after the cancel'], 'cl100k_base'),
      oracleCount('cl100k_base', 'after the cancel'));
  });

  it('rejects at once a count whose cancellation was already requested', async () => {
    const source = cancellationSource();
    source.cancel();

    await assert.rejects(counter.count(['never counted'], 'o200k_base', source.token),
      CountCancelledError);
  });

  it('counts a document and its selections from the mirror, following its edits', async () => {
    const document = fakeDocument('file:///mirror.txt', largeText(8));
    const length = (): number => document.getText().length;
    const count = (ranges?: OffsetRange[]): Promise<DocumentCount> =>
      counter.countDocument(document, length(), ranges, 'o200k_base');

    assert.equal((await count()).tokens, oracleCount('o200k_base', document.getText()));
    const random = seededRandom(21);
    for (let i = 0; i < 12; i++) {
      // Several replacements in one edit, applied in order, as a multi-cursor edit arrives.
      const changes = [0, 1, 2].map(() => {
        const offset = Math.floor(random() * length());
        const removed = Math.floor(random() * 40);
        return document.replace(offset, removed, randomText(random, 6));
      });
      counter.documentChanged({ document, contentChanges: changes });

      const text = document.getText();
      const ranges = [{ start: 10, end: 5_000 + i }, { start: 70_000, end: 90_000 }];
      const expected = oracleCount('o200k_base', text.slice(10, 5_000 + i))
        + oracleCount('o200k_base', text.slice(70_000, 90_000));
      assert.equal((await count()).tokens, oracleCount('o200k_base', text), `edit ${i}`);
      assert.deepEqual(await count(ranges), {
        tokens: expected,
        characters: [...text.slice(10, 5_000 + i)].length + [...text.slice(70_000, 90_000)].length,
      });
    }
  });

  it('resends a document whose mirror missed an edit, and still counts right', async () => {
    const document = fakeDocument('file:///gap.txt', 'The first version of the text.');
    await counter.countDocument(document, document.getText().length, undefined, 'cl100k_base');

    // An edit the counter never hears of, then one it does: the versions show the gap.
    document.replace(0, 3, 'A');
    const change = document.replace(0, 0, 'Edited: ');
    counter.documentChanged({ document, contentChanges: [change] });

    const { tokens } = await counter.countDocument(document, document.getText().length,
      undefined, 'cl100k_base');
    assert.equal(tokens, oracleCount('cl100k_base', document.getText()));
  });

  it('lets two callers count at the same time without cancelling each other', async () => {
    const [first, second] = await Promise.all([
      counter.count(['first caller'], 'p50k_base'),
      counter.count(['the second caller'], 'r50k_base'),
    ]);

    assert.deepEqual([first, second],
      [oracleCount('p50k_base', 'first caller'), oracleCount('r50k_base', 'the second caller')]);
  });
});

describe('WorkerTokenCounter when the worker fails', () => {
  const folder = mkdtempSync(join(tmpdir(), 'llm-scope-worker-'));

  it('counts in process when the worker cannot start, and says so in the log', async () => {
    const log = recordingLog();
    const counter = new WorkerTokenCounter(join(folder, 'missing.js'), log);

    const tokens = await counter.count(['no worker here'], 'o200k_base');
    counter.dispose();

    assert.equal(tokens, oracleCount('o200k_base', 'no worker here'));
    assert.equal(log.lines.length, 1);
    assert.match(log.lines[0], /^warn: The token-counting worker could not start/);
  });

  it('restarts a worker that crashed and logs the crash', async () => {
    // Crashes on its first request; the restarted worker is the real one.
    const crashOnce = join(folder, 'crashOnce.js');
    const marker = join(folder, 'crashed');
    writeFileSync(crashOnce, `
      const fs = require('node:fs');
      const { parentPort } = require('node:worker_threads');
      if (fs.existsSync(${JSON.stringify(marker)})) {
        require(${JSON.stringify(WORKER)});
      } else {
        fs.writeFileSync(${JSON.stringify(marker)}, '');
        parentPort.postMessage({ kind: 'ready' });
        parentPort.on('message', () => process.exit(3));
      }
    `);
    const log = recordingLog();
    const counter = new WorkerTokenCounter(crashOnce, log);

    const tokens = await counter.count(['survives a crash'], 'cl100k_base');
    counter.dispose();

    assert.equal(tokens, oracleCount('cl100k_base', 'survives a crash'));
    assert.deepEqual(log.lines,
      ['error: The token-counting worker stopped (exit code 3); restarting it.']);
  });

  it('fails a count that crashes the worker twice, saying what to do', async () => {
    const crashAlways = join(folder, 'crashAlways.js');
    writeFileSync(crashAlways, `
      const { parentPort } = require('node:worker_threads');
      parentPort.postMessage({ kind: 'ready' });
      parentPort.on('message', () => process.exit(4));
    `);
    const counter = new WorkerTokenCounter(crashAlways, recordingLog());

    await assert.rejects(counter.count(['crashes'], 'o200k_base'),
      /stopped twice on this text \(exit code 4\)\. Try counting a smaller selection\./);
    counter.dispose();
  });
});
