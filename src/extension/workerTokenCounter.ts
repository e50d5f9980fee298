import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { EncodingName } from '../core/tokens/encodings';
import type { OffsetRange } from '../core/tokens/selections';
import { countCodePoints } from '../core/tokens/textStats';
import {
  CANCELLED,
  type CountRequest,
  type HostMessage,
  type TextSource,
  type WorkerMessage,
} from '../worker/protocol';
import {
  type CountableDocument,
  CountCancelledError,
  type DocumentCount,
  type DocumentEdit,
  InProcessTokenCounter,
  textsOfRanges,
  type TokenCounter,
} from './tokenCounter';

/** Where the counter reports trouble; the extension's LogOutputChannel is one. */
export interface CounterLog {
  warn(message: string): void;
  error(message: string): void;
}

/** What a request counts: texts it carries, or ranges of a document the worker mirrors. */
type PendingSource =
  | { readonly kind: 'texts'; readonly texts: readonly string[] }
  | {
      readonly kind: 'document';
      readonly document: CountableDocument;
      readonly length: number;
      readonly ranges: readonly OffsetRange[] | undefined;
    };

interface PendingCount {
  readonly source: PendingSource;
  readonly encoding: EncodingName;
  readonly cancellation: vscode.CancellationToken | undefined;
  readonly cancelFlag: Int32Array;
  readonly resolve: (count: DocumentCount) => void;
  readonly reject: (error: unknown) => void;
  /** Times the worker found its mirror of the document stale; after one resend, texts go. */
  staleAnswers: number;
  stopListening: (() => void) | undefined;
  /** Workers that stopped while this request was theirs; after two it fails. */
  crashes: number;
}

interface LastCount {
  readonly texts: readonly string[];
  readonly encoding: EncodingName;
  readonly tokens: number;
}

interface LastDocumentCount {
  readonly key: string;
  readonly count: DocumentCount;
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
  private lastDocument: LastDocumentCount | undefined;

  /** The version of each document whose text the current worker holds. */
  private readonly mirrored = new Map<string, number>();

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

    const { tokens } = await this.request({ kind: 'texts', texts }, encoding, cancellation);
    this.last = { texts, encoding, tokens };
    return tokens;
  }

  async countDocument(
    document: CountableDocument,
    length: number,
    ranges: readonly OffsetRange[] | undefined,
    encoding: EncodingName,
    cancellation?: vscode.CancellationToken,
  ): Promise<DocumentCount> {
    if (this.disposed || cancellation?.isCancellationRequested) {
      throw new CountCancelledError();
    }

    const key = [document.uri.toString(), document.version, length, encoding,
      ranges?.map((range) => `${range.start}-${range.end}`).join(',') ?? 'all'].join('|');
    if (this.lastDocument?.key === key) {
      return this.lastDocument.count;
    }

    if (this.startedWorker() === undefined && this.fallback !== undefined) {
      return this.fallback.countDocument(document, length, ranges, encoding, cancellation);
    }

    const source: PendingSource = { kind: 'document', document, length, ranges };
    const count = await this.request(source, encoding, cancellation);
    this.lastDocument = { key, count };
    return count;
  }

  documentChanged(edit: DocumentEdit): void {
    const uri = edit.document.uri.toString();
    const version = this.mirrored.get(uri);
    if (version === undefined || this.worker === undefined) {
      return;
    }

    // Edits arrive one version at a time; after a gap the mirror is dropped and resent whole.
    if (version + 1 !== edit.document.version) {
      this.forget(uri);
      return;
    }
    const changes = edit.contentChanges.map((change) => ({
      offset: change.rangeOffset,
      length: change.rangeLength,
      text: change.text,
    }));
    this.postToWorker({ kind: 'edit', uri, version: edit.document.version, changes });
    this.mirrored.set(uri, edit.document.version);
  }

  documentClosed(document: CountableDocument): void {
    this.forget(document.uri.toString());
  }

  private forget(uri: string): void {
    if (this.mirrored.delete(uri)) {
      this.postToWorker({ kind: 'close', uri });
    }
  }

  private request(
    source: PendingSource,
    encoding: EncodingName,
    cancellation: vscode.CancellationToken | undefined,
  ): Promise<DocumentCount> {
    return new Promise<DocumentCount>((resolve, reject) => {
      const cancelFlag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
      const request: PendingCount = {
        source,
        encoding,
        cancellation,
        cancelFlag,
        resolve,
        reject,
        staleAnswers: 0,
        stopListening: undefined,
        crashes: 0,
      };
      const id = this.nextId++;
      this.pending.set(id, request);
      const listener = cancellation?.onCancellationRequested(() => this.cancel(id));
      request.stopListening = () => listener?.dispose();
      this.post(id, request);
    });
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
    this.lastDocument = undefined;
    this.mirrored.clear();
  }

  private post(id: number, request: PendingCount): void {
    const worker = this.startedWorker();
    if (worker === undefined) {
      this.countInstead(id, request);
      return;
    }

    const message: CountRequest = {
      kind: 'count',
      id,
      encoding: request.encoding,
      source: this.sourceFor(request.source),
      cancelFlag: request.cancelFlag,
    };
    // Known limitation: texts (not documents) are copied to the worker on the extension host's
    // thread, about 10 ms per 10 MB; the count command sends its texts this way.
    worker.postMessage(message);
    // Only a busy worker keeps the process alive (the CLI and tests exit when idle).
    worker.ref();
  }

  /** The source as the worker reads it; sends the document's text first when it has none. */
  private sourceFor(source: PendingSource): TextSource {
    if (source.kind === 'texts') {
      return source;
    }
    const { document, length, ranges } = source;
    const uri = document.uri.toString();
    if (this.mirrored.get(uri) !== document.version) {
      this.postToWorker({ kind: 'open', uri, version: document.version, text: document.getText() });
      this.mirrored.set(uri, document.version);
    }
    return { kind: 'document', uri, version: document.version, length, ranges };
  }

  private postToWorker(message: HostMessage): void {
    this.worker?.postMessage(message);
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
        this.settle(message.id)?.resolve({
          tokens: message.tokens,
          characters: message.characters,
        });
        return;
      case 'stale':
        this.resend(message.id);
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
    // A new worker starts with no documents.
    this.mirrored.clear();
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
    const { source } = request;
    const counted = source.kind === 'texts'
      ? fallback.count(source.texts, request.encoding, request.cancellation)
        .then((tokens) => ({ tokens, characters: countAllCodePoints(source.texts) }))
      : fallback.countDocument(source.document, source.length, source.ranges, request.encoding,
        request.cancellation);
    counted.then(request.resolve, request.reject);
  }

  /**
   * The worker's copy of a document did not match: it is sent again. Should that not help (the
   * document changed meanwhile, or its length disagrees with its edits), the texts are sent.
   */
  private resend(id: number): void {
    const request = this.pending.get(id);
    if (request === undefined || request.source.kind !== 'document') {
      return;
    }
    const { document, ranges } = request.source;
    this.forget(document.uri.toString());
    request.staleAnswers++;
    if (request.staleAnswers > 1) {
      this.log?.warn('The worker\'s copy of a document went out of step; sending its text.');
      this.pending.set(id, {
        ...request,
        source: { kind: 'texts', texts: textsOfRanges(document.getText(), ranges) },
      });
      this.post(id, this.pending.get(id)!);
      return;
    }
    this.post(id, request);
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

function countAllCodePoints(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + countCodePoints(text), 0);
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
