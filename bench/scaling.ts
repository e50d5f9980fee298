import type { EncodingName } from '../src/core/tokens/encodings';
import { RUN_CHARACTER, singleCharacterRun } from './corpus';
import { PeerThread } from './peerThread';
import { median } from './stats';

/** n, 2n, 4n: doubling twice separates n log n (ratio near 2) from n^2 (near 4). */
export const SCALING_LENGTHS = [250_000, 500_000, 1_000_000] as const;

/** The promise made for pathological input: a megabyte of one character in under a second. */
export const ONE_MB_LIMIT_MS = 1000;

export interface ScalingResult {
  readonly encoding: EncodingName;
  readonly character: string;
  readonly points: readonly { readonly length: number; readonly ms: number }[];
  /** time(2n) / time(n), then time(4n) / time(2n). */
  readonly ratios: readonly number[];
  readonly oneMbMs: number;
  readonly oneMbUnderLimit: boolean;
}

/** Times our engine on runs of one character at each length, interleaved, median of `reps`. */
export async function measureScaling(
  encoding: EncodingName,
  reps: number,
  capMs: number,
): Promise<ScalingResult> {
  const texts = new Map(SCALING_LENGTHS.map((n) => [String(n), singleCharacterRun(n)]));
  const thread = await PeerThread.start('ours', encoding, texts);
  const samples = new Map<number, number[]>(SCALING_LENGTHS.map((n) => [n, []]));

  try {
    // Round 0 warms the JIT and is not kept.
    for (let round = 0; round <= reps; round++) {
      for (const length of SCALING_LENGTHS) {
        const timing = { minSampleMs: 0, capMs, freshCaches: true };
        const outcome = await thread.run(String(length), timing);
        if (outcome.kind !== 'result') {
          throw new Error(`Scaling run of ${length} (${encoding}) failed: ${outcome.kind}.`);
        }
        if (round > 0) {
          samples.get(length)?.push(outcome.msPerCall);
        }
      }
    }
  } finally {
    await thread.close();
  }

  const points = SCALING_LENGTHS.map((length) => ({
    length,
    ms: median(samples.get(length) ?? []),
  }));
  const ratios = points.slice(1).map((point, i) => point.ms / points[i].ms);
  const oneMbMs = points[points.length - 1].ms;
  return {
    encoding,
    character: RUN_CHARACTER,
    points,
    ratios,
    oneMbMs,
    oneMbUnderLimit: oneMbMs < ONE_MB_LIMIT_MS,
  };
}
