import type { EncodingName } from '../core/tokens/encodings';

/**
 * Messages between the extension host and the token worker (dist/tokenWorker.js).
 *
 * Cancellation goes through shared memory, not a message: the worker counts synchronously, so
 * a message would wait until the count it meant to stop had finished. Each request carries its
 * own flag, which the worker reads between chunks; the host sets it to CANCELLED.
 */
export interface CountRequest {
  readonly id: number;
  readonly encoding: EncodingName;
  readonly texts: readonly string[];
  /** One Int32 on a SharedArrayBuffer: 0 until the host cancels, then CANCELLED. */
  readonly cancelFlag: Int32Array;
}

export const CANCELLED = 1;

export type WorkerMessage =
  /** Sent once the worker's code has loaded and it listens for requests. */
  | { readonly kind: 'ready' }
  | { readonly kind: 'counted'; readonly id: number; readonly tokens: number }
  | { readonly kind: 'cancelled'; readonly id: number }
  | { readonly kind: 'failed'; readonly id: number; readonly error: string };
