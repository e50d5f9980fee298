import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { EncodingName } from '../core/tokens/encodings';
import { CANCELLED, type CountRequest, type WorkerMessage } from '../worker/protocol';
import { CountCancelledError, InProcessTokenCounter, type TokenCounter } from './tokenCounter';

/** Where the counter reports trouble; the extension's LogOutputChannel is one. */
export interface CounterLog {
  warn(message: string): void;
  error(message: string): void;
}

interface PendingCount {
  readonly texts: readonly string[];
  readonly encoding: EncodingName;
  readonly cancellation: vscode.CancellationToken | undefined;
  readonly cancelFlag: Int32Array;
  readonly resolve: (tokens: number) => void;
  readonly reject: (error: unknown) => void;
  stopListening: (() => void) | undefined;
  /** Workers that stopped while this request was theirs; after two it fails. */
  crashes: number;
}

interface LastCount {
  readonly texts: readonly string[];
  readonly encoding: EncodingName;
  readonly tokens: number;
}

/**
 * Counts in a worker thread (dist/tokenWorker.js), so even a 10 MB document never blocks the
 * extension host. The worker starts on the first count and keeps a chunk cache, so recounting
 * an edited document counts only the chunks the edit changed.
 *
 * A request is superseded when its caller cancels it, as the status bar does when a newer count
 * starts: the promise rejects with CountCancelledError at once, and the worker stops at its next
 * chunk. One caller's request never cancels another's. A worker that crashes is restarted and
 * given the requests it held, once; one that cannot start at all is replaced by counting on the
 * extension host.
 */
export class WorkerTokenCounter implements TokenCounter {
  private worker: Worker | undefined;
  private workerReady = false;
  private workerError: unknown;
  private fallback: TokenCounter | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, PendingCount>();
  private disposed = false;

  /**
   * The texts of the latest answer, so a recount of unchanged text (the cursor moved, the view
   * switched back) needs no round trip. Comparing costs one pass over the text; holding it keeps
   * one document's text alive.
   */
  private last: LastCount | undefined;

  constructor(
    private readonly workerPath: string,
    private readonly log?: CounterLog,
  ) {}

  async count(
    texts: readonly string[],
    encoding: EncodingName,
    cancellation?: vscode.CancellationToken,
  ): Promise<number> {
    if (this.disposed || cancellation?.isCancellationRequested) {
      throw new CountCancelledError();
    }

    const last = this.last;
    if (last !== undefined && last.encoding === encoding && sameTexts(last.texts, texts)) {
      return last.tokens;
    }

    if (this.startedWorker() === undefined && this.fallback !== undefined) {
      return this.fallback.count(texts, encoding, cancellation);
    }

    const tokens = await new Promise<number>((resolve, reject) => {
      const cancelFlag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
      const request: PendingCount = {
        texts,
        encoding,
        cancellation,
        cancelFlag,
        resolve,
        reject,
        stopListening: undefined,
        crashes: 0,
      };
      const id = this.nextId++;
      this.pending.set(id, request);
      const listener = cancellation?.onCancellationRequested(() => this.cancel(id));
      request.stopListening = () => listener?.dispose();
      this.post(id, request);
    });

    this.last = { texts, encoding, tokens };
    return tokens;
  }

  dispose(): void {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const id of [...this.pending.keys()]) {
      this.cancel(id);
    }
    this.fallback?.dispose();
    this.last = undefined;
  }

  private post(id: number, request: PendingCount): void {
    const worker = this.startedWorker();
    if (worker === undefined) {
      this.countInstead(id, request);
      return;
    }

    const message: CountRequest = {
      id,
      encoding: request.encoding,
      texts: request.texts,
      cancelFlag: request.cancelFlag,
    };
    // Known limitation: posting copies the texts (a structured clone) on the extension host's
    // thread, about 40 ms for 10 MB, on every count that is not a repeat of the last one.
    worker.postMessage(message);
    // Only a busy worker keeps the process alive (the CLI and tests exit when idle).
    worker.ref();
  }

  private startedWorker(): Worker | undefined {
    if (this.worker !== undefined || this.fallback !== undefined) {
      return this.worker;
    }

    // The cancel flags live in shared memory; a host without it counts in process.
    if (typeof SharedArrayBuffer !== 'function') {
      this.useFallback('this host has no SharedArrayBuffer');
      return undefined;
    }

    try {
      const worker = new Worker(this.workerPath, { name: 'LLM Scope token counter' });
      worker.on('message', (message: WorkerMessage) => this.receive(message));
      worker.on('error', (error) => (this.workerError = error));
      worker.on('exit', (code) => this.workerExited(worker, code));
      worker.unref();
      this.worker = worker;
      this.workerReady = false;
      this.workerError = undefined;
    } catch (error) {
      this.useFallback(error);
    }
    return this.worker;
  }

  private receive(message: WorkerMessage): void {
    switch (message.kind) {
      case 'ready':
        this.workerReady = true;
        return;
      case 'counted':
        this.settle(message.id)?.resolve(message.tokens);
        return;
      case 'cancelled':
        this.settle(message.id)?.reject(new CountCancelledError());
        return;
      case 'failed':
        this.settle(message.id)?.reject(new Error(`Counting tokens failed: ${message.error}`));
        return;
    }
  }

  private workerExited(worker: Worker, code: number): void {
    if (worker !== this.worker) {
      // Stopped on purpose by dispose().
      return;
    }
    this.worker = undefined;
    const reason = describeExit(this.workerError, code);

    if (!this.workerReady) {
      this.useFallback(reason);
      for (const [id, request] of this.pending) {
        this.countInstead(id, request);
      }
      return;
    }

    this.log?.error(`The token-counting worker stopped (${reason}); restarting it.`);
    for (const [id, request] of this.pending) {
      request.crashes++;
      if (request.crashes >= 2) {
        this.settle(id);
        const message = `The token-counting worker stopped twice on this text (${reason}). ` +
          'Try counting a smaller selection.';
        request.reject(new Error(message));
      } else {
        this.post(id, request);
      }
    }
  }

  private useFallback(reason: unknown): TokenCounter {
    this.log?.warn(
      `The token-counting worker could not start (${String(reason)}); ` +
        'counting on the extension host instead, which may pause the editor on large documents.',
    );
    this.fallback = new InProcessTokenCounter();
    return this.fallback;
  }

  /** Hands a request to the in-process fallback. */
  private countInstead(id: number, request: PendingCount): void {
    this.settle(id);
    const fallback = this.fallback ?? this.useFallback('the worker is gone');
    fallback.count(request.texts, request.encoding, request.cancellation)
      .then(request.resolve, request.reject);
  }

  private cancel(id: number): void {
    const request = this.settle(id);
    if (request !== undefined) {
      Atomics.store(request.cancelFlag, 0, CANCELLED);
      request.reject(new CountCancelledError());
    }
  }

  /** Forgets a request so its answer is dropped; returns it, or undefined if already settled. */
  private settle(id: number): PendingCount | undefined {
    const request = this.pending.get(id);
    if (request === undefined) {
      return undefined;
    }

    this.pending.delete(id);
    request.stopListening?.();
    if (this.pending.size === 0) {
      this.worker?.unref();
    }
    return request;
  }
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, i) => text === b[i]);
}

function describeExit(error: unknown, code: number): string {
  if (error instanceof Error) {
    return error.message;
  }
  return `exit code ${code}`;
}
