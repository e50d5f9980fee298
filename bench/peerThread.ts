import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EncodingName } from '../src/core/tokens/encodings';
import type { PeerName } from './peers';
import type { ToPeer, ToRunner } from './peerProtocol';

/** Loading o200k_base takes about 1 s for the slowest peer; this leaves room on a busy host. */
const LOAD_TIMEOUT_MS = 60_000;

export interface RunTiming {
  /** Small inputs are counted repeatedly until a sample lasts this long. */
  readonly minSampleMs: number;
  /** The call is stopped (the thread terminated) when it takes longer than this. */
  readonly capMs: number;
  readonly freshCaches: boolean;
}

export type RunOutcome =
  | { readonly kind: 'result'; readonly count: number; readonly msPerCall: number }
  | { readonly kind: 'timeout'; readonly capMs: number }
  | { readonly kind: 'error'; readonly message: string };

/**
 * One peer, loaded for one encoding, in a worker thread of its own that holds the corpus texts.
 * A call that passes the time cap is stopped by terminating the thread; the next call starts a
 * new one, so the remaining files can still be measured.
 */
export class PeerThread {
  private worker: Worker | null = null;
  private loadError: string | null = null;

  private constructor(
    readonly peer: PeerName,
    readonly encoding: EncodingName,
    private readonly texts: ReadonlyMap<string, string>,
  ) {}

  static async start(
    peer: PeerName,
    encoding: EncodingName,
    texts: ReadonlyMap<string, string>,
  ): Promise<PeerThread> {
    const thread = new PeerThread(peer, encoding, texts);
    await thread.spawn();
    return thread;
  }

  async run(name: string, timing: RunTiming): Promise<RunOutcome> {
    if (this.worker === null && this.loadError === null) {
      await this.spawn();
    }
    if (this.worker === null) {
      return { kind: 'error', message: this.loadError ?? 'not loaded' };
    }

    const { minSampleMs, capMs, freshCaches } = timing;
    const message: ToPeer = { type: 'run', name, minSampleMs, freshCaches };
    this.worker.postMessage(message);
    const reply = await nextMessage(this.worker, capMs);

    if (reply === null) {
      await this.close();
      return { kind: 'timeout', capMs };
    }
    if (reply.type !== 'result') {
      // A trap inside WASM can leave its memory unusable, so the thread starts afresh.
      await this.close();
      return { kind: 'error', message: reply.type === 'error' ? reply.message : 'no result' };
    }
    return { kind: 'result', count: reply.count, msPerCall: reply.msPerCall };
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }

  private async spawn(): Promise<void> {
    const worker = new Worker(join(__dirname, 'peerWorker.js'), {
      workerData: { peer: this.peer, encoding: this.encoding },
    });
    const reply = await nextMessage(worker, LOAD_TIMEOUT_MS);
    if (reply?.type !== 'ready') {
      await worker.terminate();
      this.loadError = reply?.type === 'error' ? reply.message : 'loading timed out';
      return;
    }

    for (const [name, text] of this.texts) {
      const message: ToPeer = { type: 'text', name, text };
      worker.postMessage(message);
    }
    this.worker = worker;
  }
}

/** The worker's next message; null when `timeoutMs` passes first; an error if it dies. */
function nextMessage(worker: Worker, timeoutMs: number): Promise<ToRunner | null> {
  return new Promise((resolve) => {
    const finish = (reply: ToRunner | null): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(reply);
    };
    const onMessage = (reply: ToRunner): void => finish(reply);
    const onError = (error: Error): void => finish({ type: 'error', message: error.message });
    const onExit = (code: number): void =>
      finish({ type: 'error', message: `thread exited with code ${code}` });
    const timer = setTimeout(() => finish(null), timeoutMs);

    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
