import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { EncodingName } from '../src/core/tokens/encodings';
import type { ColdStartSample } from './coldStartChild';
import { median } from './stats';

export interface ColdStartResult extends ColdStartSample {
  readonly library: string;
  readonly encoding: EncodingName;
  /** Fresh processes measured; each figure is the median over them. */
  readonly processes: number;
}

const CHILD_TIMEOUT_MS = 120_000;

function sampleOnce(library: string, encoding: EncodingName): ColdStartSample {
  const child = join(__dirname, 'coldStartChild.js');
  const output = execFileSync(process.execPath, ['--expose-gc', child, library, encoding], {
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
  });
  return JSON.parse(output) as ColdStartSample;
}

/**
 * Loads `library` for `encoding` in `processes` fresh Node processes, one after another so they
 * do not compete for cores, and takes the median of each figure.
 */
export function measureColdStart(
  library: string,
  encoding: EncodingName,
  processes: number,
): ColdStartResult {
  const samples: ColdStartSample[] = [];
  for (let i = 0; i < processes; i++) {
    samples.push(sampleOnce(library, encoding));
  }
  const of = (field: keyof ColdStartSample): number => median(samples.map((s) => s[field]));
  return {
    library,
    encoding,
    processes,
    loadMs: of('loadMs'),
    firstCountMs: of('firstCountMs'),
    heapMb: of('heapMb'),
    externalMb: of('externalMb'),
    rssMb: of('rssMb'),
  };
}
