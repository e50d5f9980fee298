import type { EncodingName } from '../src/core/tokens/encodings';
import type { CorpusFile } from './corpus';
import { PeerThread, type RunTiming } from './peerThread';
import { isSkippedAsQuadratic, PEER_NAMES, type PeerName, REFERENCE_PEER } from './peers';
import { mbPerSecond, median } from './stats';

/**
 * Longest run tiktoken is asked to verify: 100k takes it 12-30 s here, and being quadratic, 1M
 * would take half an hour or more.
 */
const VERIFY_MAX_LENGTH = 100_000;

export interface ThroughputOptions {
  /**
   * Timed calls per peer and file after the first one. The first call meets cold piece caches
   * (and, on the first file, a cold JIT): it is reported on its own, as a first count of a new
   * document; the median of the others is the steady state of recounting one.
   */
  readonly reps: number;
  /**
   * A call on 1 MB longer than this is stopped and the peer is given up on that file; the cap
   * grows in proportion for larger files.
   */
  readonly capMs: number;
  /** Small inputs are called repeatedly until a sample lasts this long. */
  readonly minSampleMs: number;
  /**
   * Time a peer may spend on one file's repeated calls; a slower peer gets fewer (at least
   * one) so one slow case cannot eat the whole run.
   */
  readonly budgetPerFileMs: number;
  /** Also ask tiktoken, once and under `verifyCapMs`, for runs it is skipped on otherwise. */
  readonly verifyLong: boolean;
  readonly verifyCapMs: number;
}

export type PeerMeasurement =
  | {
      readonly status: 'measured';
      readonly count: number;
      /** Median of the repeated calls. */
      readonly msPerCall: number;
      readonly mbPerSec: number;
      readonly samplesMs: readonly number[];
      /** The first call, with caches empty. */
      readonly coldMs: number;
      readonly coldMbPerSec: number;
      /** null when no reference count exists, and for regex-only, which counts pieces. */
      readonly matchesReference: boolean | null;
    }
  | { readonly status: 'skipped (quadratic)' }
  | { readonly status: 'timeout'; readonly capMs: number }
  | { readonly status: 'error'; readonly message: string };

export interface FileThroughput {
  readonly name: string;
  readonly bytes: number;
  /** tiktoken's count; null when tiktoken was not measured on the file. */
  readonly referenceCount: number | null;
  /** How the reference was obtained when it was not from the timed calls. */
  readonly referenceNote: string | null;
  readonly peers: Readonly<Record<PeerName, PeerMeasurement>>;
}

interface Progress {
  count: number;
  coldMs: number;
  samplesMs: number[];
  /** Repeated calls this peer gets on this file, fixed after the first of them. */
  reps: number | null;
}

/**
 * Measures every peer on every file for one encoding. Peers take turns call by call (the
 * order rotating each round), so a slow drift of the machine touches all of them alike.
 */
export async function measureEncoding(
  encoding: EncodingName,
  files: readonly CorpusFile[],
  options: ThroughputOptions,
): Promise<FileThroughput[]> {
  const texts = new Map(files.map((file) => [file.name, file.text]));
  const threads = await Promise.all(
    PEER_NAMES.map((peer) => PeerThread.start(peer, encoding, texts)),
  );

  const results: FileThroughput[] = [];
  try {
    for (const file of files) {
      results.push(await measureFile(file, threads, options));
    }
  } finally {
    await Promise.all(threads.map((thread) => thread.close()));
  }
  return results;
}

async function measureFile(
  file: CorpusFile,
  threads: readonly PeerThread[],
  options: ThroughputOptions,
): Promise<FileThroughput> {
  const outcomes = new Map<PeerName, PeerMeasurement>();
  const progress = new Map<PeerName, Progress>();
  const length = file.text.length;

  for (const thread of threads) {
    if (isSkippedAsQuadratic(thread.peer, file.isRun, length)) {
      outcomes.set(thread.peer, { status: 'skipped (quadratic)' });
    }
  }

  const active = (): PeerThread[] => threads.filter((thread) => !outcomes.has(thread.peer));
  for (let round = 0; round <= options.reps; round++) {
    const turn = active();
    for (let i = 0; i < turn.length; i++) {
      const thread = turn[(i + round) % turn.length];
      await takeTurn(thread, file, options, outcomes, progress);
    }
  }

  const reference = await referenceCount(file, threads, outcomes, progress, options);
  const peers = {} as Record<PeerName, PeerMeasurement>;
  for (const peer of threads.map((thread) => thread.peer)) {
    // regex-only counts pieces, not tokens: there is nothing to compare.
    const expected = peer === 'regex-only' ? null : reference.count;
    peers[peer] = outcomes.get(peer) ?? summarise(file, progress.get(peer), expected);
  }
  return {
    name: file.name,
    bytes: file.bytes,
    referenceCount: reference.count,
    referenceNote: reference.note,
    peers,
  };
}

/** One call of one peer; after its second, how many more it can afford is fixed. */
async function takeTurn(
  thread: PeerThread,
  file: CorpusFile,
  options: ThroughputOptions,
  outcomes: Map<PeerName, PeerMeasurement>,
  progress: Map<PeerName, Progress>,
): Promise<void> {
  const state = progress.get(thread.peer);
  if (state !== undefined && state.reps !== null && state.samplesMs.length >= state.reps) {
    return;
  }

  const timing: RunTiming = {
    minSampleMs: options.minSampleMs,
    capMs: options.capMs * Math.max(1, file.bytes / 1e6),
    // A run is one piece: a memo of it would time a lookup, not a merge.
    freshCaches: file.isRun,
  };
  const outcome = await thread.run(file.name, timing);
  switch (outcome.kind) {
    case 'timeout':
      outcomes.set(thread.peer, { status: 'timeout', capMs: outcome.capMs });
      return;
    case 'error':
      outcomes.set(thread.peer, { status: 'error', message: outcome.message });
      return;
    case 'result':
      if (state === undefined) {
        progress.set(thread.peer, {
          count: outcome.count,
          coldMs: outcome.msPerCall,
          samplesMs: [],
          reps: null,
        });
        return;
      }
      state.samplesMs.push(outcome.msPerCall);
      if (state.reps === null) {
        // The quicker of the two calls so far: a single slow one (a cache refilling after it
        // was cleared, a collection) must not cut the repeats to where the median is that call.
        const typicalMs = Math.min(state.coldMs, outcome.msPerCall);
        const affordable = Math.floor(options.budgetPerFileMs / typicalMs);
        state.reps = Math.max(1, Math.min(options.reps, affordable));
      }
  }
}

async function referenceCount(
  file: CorpusFile,
  threads: readonly PeerThread[],
  outcomes: ReadonlyMap<PeerName, PeerMeasurement>,
  progress: ReadonlyMap<PeerName, Progress>,
  options: ThroughputOptions,
): Promise<{ count: number | null; note: string | null }> {
  const measured = progress.get(REFERENCE_PEER);
  if (measured !== undefined && !outcomes.has(REFERENCE_PEER)) {
    return { count: measured.count, note: null };
  }

  const reference = threads.find((thread) => thread.peer === REFERENCE_PEER);
  const skipped = outcomes.get(REFERENCE_PEER)?.status === 'skipped (quadratic)';
  const affordable = file.text.length <= VERIFY_MAX_LENGTH;
  if (!options.verifyLong || !skipped || !affordable || reference === undefined) {
    return { count: null, note: null };
  }

  const timing = { minSampleMs: 0, capMs: options.verifyCapMs, freshCaches: true };
  const outcome = await reference.run(file.name, timing);
  if (outcome.kind !== 'result') {
    return { count: null, note: `tiktoken verification call: ${outcome.kind}` };
  }
  const seconds = (outcome.msPerCall / 1000).toFixed(1);
  return { count: outcome.count, note: `one untimed tiktoken call (${seconds} s)` };
}

function summarise(
  file: CorpusFile,
  state: Progress | undefined,
  reference: number | null,
): PeerMeasurement {
  if (state === undefined || state.samplesMs.length === 0) {
    return { status: 'error', message: 'no timed call finished' };
  }
  const msPerCall = median(state.samplesMs);
  return {
    status: 'measured',
    count: state.count,
    msPerCall,
    mbPerSec: mbPerSecond(file.bytes, msPerCall),
    samplesMs: state.samplesMs,
    coldMs: state.coldMs,
    coldMbPerSec: mbPerSecond(file.bytes, state.coldMs),
    matchesReference: reference === null ? null : state.count === reference,
  };
}
