import type { RankTable } from './encodings';

/**
 * Pieces up to this many bytes are merged with a plain scan over the pairs (quadratic, but
 * faster than a heap for the short pieces that make up almost all text); longer ones, such as a
 * separator line or a base64 blob, go through the heap so a run of n bytes costs O(n log n).
 */
const SCAN_LIMIT_BYTES = 64;

const NO_RANK = 0x7fffffff;

/** Scratch arrays reused across calls: merging allocates nothing for short pieces. */
const scanStarts = new Int32Array(SCAN_LIMIT_BYTES + 1);
const scanRanks = new Int32Array(SCAN_LIMIT_BYTES);

/**
 * Splits `bytes[0..length)` (one pre-tokenizer piece) into tokens by byte-pair merging, exactly
 * as tiktoken does: repeatedly merge the adjacent pair whose concatenation has the lowest rank,
 * the leftmost one on ties. Pushes the token ids to `sink` when given; returns the count.
 */
export function bytePairMerge(
  bytes: Uint8Array,
  length: number,
  ranks: RankTable,
  sink: number[] | null,
): number {
  if (length <= SCAN_LIMIT_BYTES) {
    const parts = mergeByScan(bytes, length, ranks);
    if (sink !== null) {
      for (let i = 0; i < parts; i++) {
        sink.push(ranks.rankOf(bytes, scanStarts[i], scanStarts[i + 1]));
      }
    }
    return parts;
  }
  return mergeByHeap(bytes, length, ranks, sink);
}

/** Leaves the part boundaries in scanStarts[0..parts] and returns the number of parts. */
function mergeByScan(bytes: Uint8Array, length: number, ranks: RankTable): number {
  const starts = scanStarts;
  // pairRanks[i] is the rank of parts i and i + 1 joined.
  const pairRanks = scanRanks;
  let parts = length;

  for (let i = 0; i <= length; i++) {
    starts[i] = i;
  }
  for (let i = 0; i + 1 < parts; i++) {
    pairRanks[i] = rankOrNone(ranks, bytes, i, i + 2);
  }

  for (;;) {
    let best = -1;
    let bestRank = NO_RANK;
    for (let i = 0; i + 1 < parts; i++) {
      if (pairRanks[i] < bestRank) {
        bestRank = pairRanks[i];
        best = i;
      }
    }
    if (best < 0) {
      return parts;
    }

    // Parts best and best + 1 become one; only the pairs on either side of it change.
    starts.copyWithin(best + 1, best + 2, parts + 1);
    pairRanks.copyWithin(best + 1, best + 2, parts - 1);
    parts--;
    if (best + 1 < parts) {
      pairRanks[best] = rankOrNone(ranks, bytes, starts[best], starts[best + 2]);
    }
    if (best > 0) {
      pairRanks[best - 1] = rankOrNone(ranks, bytes, starts[best - 1], starts[best + 1]);
    }
  }
}

function rankOrNone(ranks: RankTable, bytes: Uint8Array, start: number, end: number): number {
  const rank = ranks.rankOf(bytes, start, end);
  return rank < 0 ? NO_RANK : rank;
}

/**
 * The same merge with a doubly linked list of parts and a binary heap of candidate pairs keyed
 * by (rank, start). Entries made stale by a merge stay in the heap and are skipped when popped.
 */
function mergeByHeap(
  bytes: Uint8Array,
  n: number,
  ranks: RankTable,
  sink: number[] | null,
): number {
  const next = new Int32Array(n + 1);
  const prev = new Int32Array(n + 1);
  const pairRank = new Int32Array(n);
  const heap = new PairHeap(n);

  for (let i = 0; i <= n; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  for (let i = 0; i + 1 < n; i++) {
    pairRank[i] = rankOrNone(ranks, bytes, i, i + 2);
    if (pairRank[i] !== NO_RANK) {
      heap.push(pairRank[i], i);
    }
  }
  pairRank[n - 1] = NO_RANK;

  // Re-ranks the pair that starts at part `start` after a neighbour changed.
  const rerank = (start: number): void => {
    const end = next[next[start]];
    pairRank[start] = end <= n ? rankOrNone(ranks, bytes, start, end) : NO_RANK;
    if (pairRank[start] !== NO_RANK) {
      heap.push(pairRank[start], start);
    }
  };

  while (heap.size > 0) {
    const key = heap.pop();
    const rank = Math.floor(key / START_RANGE);
    const start = key - rank * START_RANGE;
    if (pairRank[start] !== rank) {
      continue;
    }

    const removed = next[start];
    next[start] = next[removed];
    prev[next[removed]] = start;
    pairRank[removed] = NO_RANK;

    rerank(start);
    if (start > 0) {
      rerank(prev[start]);
    }
  }

  let parts = 0;
  for (let i = 0; i < n; i = next[i]) {
    sink?.push(ranks.rankOf(bytes, i, next[i]));
    parts++;
  }
  return parts;
}

/** Starts are below 2^32 and ranks below 2^21, so rank * 2^32 + start is exact in a double. */
const START_RANGE = 4294967296;

/** A binary min-heap of (rank, start) pairs, each packed into one double key. */
class PairHeap {
  private keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
  }

  push(rank: number, start: number): void {
    if (this.size === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }

    const keys = this.keys;
    const key = rank * START_RANGE + start;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) {
        break;
      }
      keys[i] = keys[parent];
      i = parent;
    }
    keys[i] = key;
  }

  /** Removes and returns the smallest key. */
  pop(): number {
    const keys = this.keys;
    const top = keys[0];
    const last = keys[--this.size];
    let i = 0;

    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) {
        break;
      }
      if (child + 1 < this.size && keys[child + 1] < keys[child]) {
        child++;
      }
      if (keys[child] >= last) {
        break;
      }
      keys[i] = keys[child];
      i = child;
    }
    keys[i] = last;
    return top;
  }
}
