import type { RankTable } from './encodings';

/**
 * Pieces up to this many bytes are merged with a plain scan over the pairs (quadratic, but
 * faster than a heap for the short pieces that make up almost all text); longer ones, such as a
 * separator line or a base64 blob, go through the heap so a run of n bytes costs O(n log n).
 */
const SCAN_LIMIT_BYTES = 64;

const NO_RANK = Number.MAX_SAFE_INTEGER;

/**
 * Splits `piece` (a byte string: one char per byte) into tokens by byte-pair merging, exactly
 * as tiktoken does: repeatedly merge the adjacent pair whose concatenation has the lowest rank,
 * the leftmost one on ties. Pushes the token ids to `sink` when given; returns the count.
 */
export function bytePairMerge(piece: string, ranks: RankTable, sink: number[] | null): number {
  const boundaries =
    piece.length <= SCAN_LIMIT_BYTES ? mergeByScan(piece, ranks) : mergeByHeap(piece, ranks);

  if (sink !== null) {
    for (let i = 0; i + 1 < boundaries.length; i++) {
      sink.push(rankOf(piece, boundaries[i], boundaries[i + 1], ranks));
    }
  }
  return boundaries.length - 1;
}

function rankOf(piece: string, start: number, end: number, ranks: RankTable): number {
  return ranks.get(piece.slice(start, end)) ?? NO_RANK;
}

/** Returns the boundaries of the final parts: [0, ..., piece.length]. */
function mergeByScan(piece: string, ranks: RankTable): number[] {
  const boundaries: number[] = [];
  for (let i = 0; i <= piece.length; i++) {
    boundaries.push(i);
  }

  // pairRanks[i] is the rank of parts i and i + 1 joined.
  const pairRanks: number[] = [];
  for (let i = 0; i + 2 < boundaries.length; i++) {
    pairRanks.push(rankOf(piece, boundaries[i], boundaries[i + 2], ranks));
  }

  for (;;) {
    let best = -1;
    let bestRank = NO_RANK;
    for (let i = 0; i < pairRanks.length; i++) {
      if (pairRanks[i] < bestRank) {
        bestRank = pairRanks[i];
        best = i;
      }
    }
    if (best < 0) {
      return boundaries;
    }

    // Parts best and best + 1 become one; only the pairs on either side of it change.
    boundaries.splice(best + 1, 1);
    pairRanks.splice(best, 1);
    if (best < pairRanks.length) {
      pairRanks[best] = rankOf(piece, boundaries[best], boundaries[best + 2], ranks);
    }
    if (best > 0) {
      pairRanks[best - 1] = rankOf(piece, boundaries[best - 1], boundaries[best + 1], ranks);
    }
  }
}

/**
 * The same merge with a doubly linked list of parts and a binary heap of candidate pairs keyed
 * by (rank, start). Entries made stale by a merge stay in the heap and are skipped when popped.
 */
function mergeByHeap(piece: string, ranks: RankTable): number[] {
  const n = piece.length;
  const next = new Int32Array(n + 1);
  const prev = new Int32Array(n + 1);
  const pairRank = new Float64Array(n);
  const heap = new PairHeap(n);

  for (let i = 0; i <= n; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  for (let i = 0; i + 1 < n; i++) {
    pairRank[i] = rankOf(piece, i, i + 2, ranks);
    if (pairRank[i] !== NO_RANK) {
      heap.push(pairRank[i], i);
    }
  }
  pairRank[n - 1] = NO_RANK;

  // Re-ranks the pair that starts at part `start` after a neighbour changed.
  const rerank = (start: number): void => {
    const end = next[next[start]];
    pairRank[start] = end <= n ? rankOf(piece, start, end, ranks) : NO_RANK;
    if (pairRank[start] !== NO_RANK) {
      heap.push(pairRank[start], start);
    }
  };

  while (heap.size > 0) {
    const [rank, start] = heap.pop();
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

  const boundaries: number[] = [];
  for (let i = 0; i <= n; i = next[i]) {
    boundaries.push(i);
  }
  return boundaries;
}

/** A binary min-heap of (rank, start) pairs packed into one double: rank * 2^32 + start. */
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
    const key = rank * 4294967296 + start;
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

  pop(): [rank: number, start: number] {
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

    const rank = Math.floor(top / 4294967296);
    return [rank, top - rank * 4294967296];
  }
}
