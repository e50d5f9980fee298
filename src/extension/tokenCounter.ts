import type * as vscode from 'vscode';
import { ChunkCountCache } from '../core/tokens/chunkedCount';
import { splitIntoChunks } from '../core/tokens/chunking';
import type { EncodingName } from '../core/tokens/encodings';
import type { OffsetRange } from '../core/tokens/selections';
import { countCodePoints } from '../core/tokens/textStats';

/** What the counter needs of a document; `vscode.TextDocument` has it. */
export interface CountableDocument {
  readonly uri: { toString(): string };
  readonly version: number;
  getText(): string;
}

/** What the counter needs of an edit; `vscode.TextDocumentChangeEvent` has it. */
export interface DocumentEdit {
  readonly document: CountableDocument;
  readonly contentChanges: readonly {
    readonly rangeOffset: number;
    readonly rangeLength: number;
    readonly text: string;
  }[];
}

export interface DocumentCount {
  readonly tokens: number;
  /** Unicode code points, which is what a person calls characters. */
  readonly characters: number;
}

/** Counts tokens for the editor features; asynchronous so it can move off the main thread. */
export interface TokenCounter {
  count(
    texts: readonly string[],
    encoding: EncodingName,
    cancellation?: vscode.CancellationToken,
  ): Promise<number>;
  /**
   * Tokens and characters of `ranges` of a document (merged, non-empty), or of all of it.
   * `length` is the document's length in UTF-16 units.
   */
  countDocument(
    document: CountableDocument,
    length: number,
    ranges: readonly OffsetRange[] | undefined,
    encoding: EncodingName,
    cancellation?: vscode.CancellationToken,
  ): Promise<DocumentCount>;
  /** Edits and closes of documents, so a counter that mirrors them can follow. */
  documentChanged(edit: DocumentEdit): void;
  documentClosed(document: CountableDocument): void;
  dispose(): void;
}

export class CountCancelledError extends Error {
  constructor() {
    super('Token count cancelled.');
  }
}

/** The texts of `ranges` of `text`, or the whole text. */
export function textsOfRanges(text: string, ranges: readonly OffsetRange[] | undefined): string[] {
  return ranges === undefined ? [text] : ranges.map((range) => text.slice(range.start, range.end));
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

  async countDocument(
    document: CountableDocument,
    _length: number,
    ranges: readonly OffsetRange[] | undefined,
    encoding: EncodingName,
    cancellation?: vscode.CancellationToken,
  ): Promise<DocumentCount> {
    const texts = textsOfRanges(document.getText(), ranges);
    const tokens = await this.count(texts, encoding, cancellation);
    return { tokens, characters: texts.reduce((sum, text) => sum + countCodePoints(text), 0) };
  }

  documentChanged(): void {}

  documentClosed(): void {}

  dispose(): void {}
}
