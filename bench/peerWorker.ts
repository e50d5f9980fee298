// Worker-thread entry: loads one peer for one encoding and times its counts on request. Each
// peer lives in its own thread so that a call past the time cap can be stopped (by terminating
// the thread) without losing the others, and no peer's caches or garbage reach another.
import { parentPort, workerData } from 'node:worker_threads';
import type { EncodingName } from '../src/core/tokens/encodings';
import { type Counter, loadCounter, type PeerName } from './peers';
import type { ToPeer, ToRunner } from './peerProtocol';

const { peer, encoding } = workerData as { peer: PeerName; encoding: EncodingName };
const port = parentPort;
const texts = new Map<string, string>();

function send(message: ToRunner): void {
  port?.postMessage(message);
}

/**
 * Calls `counter` until `minSampleMs` of counting has passed (at least once) and returns the
 * mean time per call, so that inputs of a few KB are timed over many calls rather than at
 * timer resolution.
 */
function timeCalls(counter: Counter, text: string, minSampleMs: number, fresh: boolean): ToRunner {
  let count: number;
  let calls = 0;
  let elapsedMs = 0;
  do {
    if (fresh) {
      counter.resetCaches();
    }
    const start = performance.now();
    count = counter.count(text);
    elapsedMs += performance.now() - start;
    calls++;
  } while (elapsedMs < minSampleMs);
  return { type: 'result', count, msPerCall: elapsedMs / calls, calls };
}

function main(): void {
  let counter: Counter;
  const loadStart = performance.now();
  try {
    counter = loadCounter(peer, encoding);
  } catch (error) {
    send({ type: 'error', message: `could not load: ${String(error)}` });
    return;
  }
  send({ type: 'ready', loadMs: performance.now() - loadStart });

  port?.on('message', (message: ToPeer) => {
    switch (message.type) {
      case 'text':
        texts.set(message.name, message.text);
        return;
      case 'run': {
        const text = texts.get(message.name);
        if (text === undefined) {
          send({ type: 'error', message: `no text named ${message.name}` });
          return;
        }
        try {
          send(timeCalls(counter, text, message.minSampleMs, message.freshCaches));
        } catch (error) {
          send({ type: 'error', message: String(error) });
        }
        return;
      }
    }
  });
}

main();
