// Child-process entry for the cold-start measurement: `node --expose-gc coldStartChild.js
// <library> <encoding>` loads one library for one encoding in a process that has loaded no
// other, counts one short text, and prints one line of JSON (a ColdStartSample).
import { isEncodingName } from '../src/core/tokens/encodings';
import { LIBRARY_NAMES, loadCounter, type PeerName } from './peers';

/** Short and mixed, so the first count compiles the pattern's paths for letters and digits. */
const FIRST_TEXT = "Hello, world! It's 2025: naïve café, 日本語, x = f(42);\n";

export interface ColdStartSample {
  /** From nothing loaded to a counter ready to use: module code, rank data, tables. */
  readonly loadMs: number;
  /** The first count of a short text, where lazy work (pattern compilation) shows up. */
  readonly firstCountMs: number;
  /** Growth of the JS heap, after a full collection, in MB (10^6 bytes). */
  readonly heapMb: number;
  /** Growth of memory outside the JS heap that V8 knows of (buffers, WASM), in MB. */
  readonly externalMb: number;
  readonly rssMb: number;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) {
    throw new Error('Run with node --expose-gc so retained memory can be measured.');
  }
  gc();
  gc();
}

function main(): void {
  const [library, encoding] = process.argv.slice(2);
  if (!(LIBRARY_NAMES as readonly string[]).includes(library) || !isEncodingName(encoding)) {
    throw new Error(`Usage: coldStartChild.js <${LIBRARY_NAMES.join('|')}> <encoding>`);
  }

  collectGarbage();
  const before = process.memoryUsage();
  const start = performance.now();
  const counter = loadCounter(library as PeerName, encoding);
  const loaded = performance.now();
  counter.count(FIRST_TEXT);
  const counted = performance.now();
  collectGarbage();
  const after = process.memoryUsage();

  const sample: ColdStartSample = {
    loadMs: loaded - start,
    firstCountMs: counted - loaded,
    heapMb: (after.heapUsed - before.heapUsed) / 1e6,
    externalMb: (after.external - before.external) / 1e6,
    rssMb: (after.rss - before.rss) / 1e6,
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

main();
