import type { EncodingName } from '../core/tokens/encodings';
import type { OffsetRange } from '../core/tokens/selections';

/**
 * Messages between the extension host and the token worker (dist/tokenWorker.js).
 *
 * Cancellation goes through shared memory, not a message: the worker counts synchronously, so
 * a message would wait until the count it meant to stop had finished. Each request carries its
 * own flag, which the worker reads between chunks; the host sets it to CANCELLED.
 *
 * Documents are mirrored: the host sends a document's text once, then only its edits, and asks
 * for counts of the mirror by version. So a count in a large document costs the extension host
 * neither a copy of its text nor a pass over it.
 */
export type TextSource =
  | { readonly kind: 'texts'; readonly texts: readonly string[] }
  | {
      readonly kind: 'document';
      readonly uri: string;
      readonly version: number;
      /** The document's length in UTF-16 units, checked against the mirror's. */
      readonly length: number;
      /** Merged, non-empty ranges to count; the whole document when undefined. */
      readonly ranges: readonly OffsetRange[] | undefined;
    };

export interface CountRequest {
  readonly kind: 'count';
  readonly id: number;
  readonly encoding: EncodingName;
  readonly source: TextSource;
  /** One Int32 on a SharedArrayBuffer: 0 until the host cancels, then CANCELLED. */
  readonly cancelFlag: Int32Array;
}

/** One replacement, with offsets into the text as the previous replacements left it. */
export interface TextChange {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

export type HostMessage =
  | CountRequest
  | { readonly kind: 'open'; readonly uri: string; readonly version: number; readonly text: string }
  | {
      readonly kind: 'edit';
      readonly uri: string;
      readonly version: number;
      readonly changes: readonly TextChange[];
    }
  | { readonly kind: 'close'; readonly uri: string };

export const CANCELLED = 1;

export type WorkerMessage =
  /** Sent once the worker's code has loaded and it listens for requests. */
  | { readonly kind: 'ready' }
  | {
      readonly kind: 'counted';
      readonly id: number;
      readonly tokens: number;
      /** Unicode code points counted, which is what a person calls characters. */
      readonly characters: number;
    }
  | { readonly kind: 'cancelled'; readonly id: number }
  /** The mirror of the request's document is missing or not at its version. */
  | { readonly kind: 'stale'; readonly id: number }
  | { readonly kind: 'failed'; readonly id: number; readonly error: string };
