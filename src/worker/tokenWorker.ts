import { parentPort } from 'node:worker_threads';
import { ChunkCountCache, countInChunks } from '../core/tokens/chunkedCount';
import { countCodePoints } from '../core/tokens/textStats';
import {
  CANCELLED,
  type CountRequest,
  type HostMessage,
  type TextSource,
  type WorkerMessage,
} from './protocol';

interface MirroredDocument {
  version: number;
  text: string;
}

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
  const documents = new Map<string, MirroredDocument>();
  const post = (message: WorkerMessage): void => port.postMessage(message);

  const textsOf = (source: TextSource): readonly string[] | undefined => {
    if (source.kind === 'texts') {
      return source.texts;
    }
    const document = documents.get(source.uri);
    if (document?.version !== source.version || document.text.length !== source.length) {
      return undefined;
    }
    return source.ranges === undefined
      ? [document.text]
      : source.ranges.map((range) => document.text.slice(range.start, range.end));
  };

  const count = (request: CountRequest): void => {
    const texts = textsOf(request.source);
    if (texts === undefined) {
      post({ kind: 'stale', id: request.id });
      return;
    }
    const isCancelled = (): boolean => Atomics.load(request.cancelFlag, 0) === CANCELLED;
    const tokens = countInChunks(texts, request.encoding, cache, { isCancelled });
    if (tokens === undefined) {
      post({ kind: 'cancelled', id: request.id });
      return;
    }
    const characters = texts.reduce((sum, text) => sum + countCodePoints(text), 0);
    post({ kind: 'counted', id: request.id, tokens, characters });
  };

  port.on('message', (message: HostMessage) => {
    switch (message.kind) {
      case 'open':
        documents.set(message.uri, { version: message.version, text: message.text });
        return;
      case 'edit': {
        const document = documents.get(message.uri);
        if (document === undefined) {
          return;
        }
        // Slicing and joining leaves a rope that is flattened once, when it is next counted.
        for (const change of message.changes) {
          document.text = document.text.slice(0, change.offset) + change.text
            + document.text.slice(change.offset + change.length);
        }
        document.version = message.version;
        return;
      }
      case 'close':
        documents.delete(message.uri);
        return;
      case 'count':
        try {
          count(message);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          post({ kind: 'failed', id: message.id, error: reason });
        }
        return;
    }
  });

  post({ kind: 'ready' });
}

main();
