import type * as vscode from 'vscode';
import type { EncodingName } from '../core/tokens/encodings';
import { getTokenizer } from '../core/tokens/tokenizer';

/** Counts tokens for the editor features; asynchronous so it can move off the main thread. */
export interface TokenCounter {
  count(
    texts: readonly string[],
    encoding: EncodingName,
    cancellation?: vscode.CancellationToken,
  ): Promise<number>;
  dispose(): void;
}

/**
 * Counts on the extension host's own thread, yielding between texts.
 * Known limitation: one very large text is counted in one go and blocks the extension host
 * while it runs; the status bar therefore caps the size it counts live.
 */
export class InProcessTokenCounter implements TokenCounter {
  async count(
    texts: readonly string[],
    encoding: EncodingName,
    cancellation?: vscode.CancellationToken,
  ): Promise<number> {
    let total = 0;
    for (const text of texts) {
      await new Promise((resolve) => setImmediate(resolve));
      if (cancellation?.isCancellationRequested) {
        throw new CountCancelledError();
      }
      total += getTokenizer(encoding).count(text);
    }
    return total;
  }

  dispose(): void {}
}

export class CountCancelledError extends Error {
  constructor() {
    super('Token count cancelled.');
  }
}
