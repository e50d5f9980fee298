import { parentPort } from 'node:worker_threads';
import { ChunkCountCache, countInChunks } from '../core/tokens/chunkedCount';
import { CANCELLED, type CountRequest, type WorkerMessage } from './protocol';

/**
 * Counts tokens off the extension host's thread. Requests are counted one at a time, in the
 * order they arrive, chunk by chunk through one cache, so recounting an edited document counts
 * only the chunks the edit changed. The rank data is read from dist/ranks/, beside this bundle.
 */
function main(): void {
  const port = parentPort;
  if (port === null) {
    throw new Error('tokenWorker.js runs as a worker thread; start it with new Worker().');
  }

  const cache = new ChunkCountCache();
  const post = (message: WorkerMessage): void => port.postMessage(message);

  port.on('message', (request: CountRequest) => {
    const isCancelled = (): boolean => Atomics.load(request.cancelFlag, 0) === CANCELLED;
    try {
      const tokens = countInChunks(request.texts, request.encoding, cache, { isCancelled });
      post(
        tokens === undefined
          ? { kind: 'cancelled', id: request.id }
          : { kind: 'counted', id: request.id, tokens },
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      post({ kind: 'failed', id: request.id, error: reason });
    }
  });

  post({ kind: 'ready' });
}

main();
