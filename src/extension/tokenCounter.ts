import type * as vscode from 'vscode';
import { ChunkCountCache } from '../core/tokens/chunkedCount';
import { splitIntoChunks } from '../core/tokens/chunking';
import type { EncodingName } from '../core/tokens/encodings';

/** Counts tokens for the editor features; asynchronous so it can move off the main thread. */
export interface TokenCounter {
  count(
    texts: readonly string[],
    encoding: EncodingName,
    cancellation?: vscode.CancellationToken,
  ): Promise<number>;
  dispose(): void;
}

export class CountCancelledError extends Error {
  constructor() {
    super('Token count cancelled.');
  }
}

/**
 * Counts on the extension host's own thread, chunk by chunk, yielding between chunks.
 * Known limitation: a text without a safe cut (one very long line) is one chunk, counted in one
 * go, and blocks the extension host while it runs; the status bar therefore caps the size it
 * counts live.
 */
export class InProcessTokenCounter implements TokenCounter {
  private readonly cache = new ChunkCountCache();

  async count(
    texts: readonly string[],
    encoding: EncodingName,
    cancellation?: vscode.CancellationToken,
  ): Promise<number> {
    let total = 0;
    for (const text of texts) {
      for (const chunk of splitIntoChunks(text, encoding)) {
        await new Promise((resolve) => setImmediate(resolve));
        if (cancellation?.isCancellationRequested) {
          throw new CountCancelledError();
        }
        total += this.cache.tokensOf(chunk, encoding);
      }
    }
    return total;
  }

  dispose(): void {}
}
