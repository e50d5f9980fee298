/**
 * The mergeable ranks of one encoding, looked up by a range of bytes.
 *
 * Byte-pair merging asks for the rank of many short byte sequences. A `Map<string, number>`
 * answers each only after a new string is made for the key, hashed, and compared in a table of
 * 200,000 entries spread over the heap; that made lookups most of the time spent on text that
 * merges a lot (CJK, base64). Here the token bytes live back to back in one array and an
 * open-addressing table of ranks is probed with a hash of the bytes, so a lookup allocates
 * nothing and touches two typed arrays.
 */
export class ByteRankTable {
  /** Number of tokens; ranks run from 0 to size - 1, some of them unused. */
  readonly size: number;

  private readonly pool: Uint8Array;
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  /** rank + 1 per slot, 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** `tokens[rank]` is the token's bytes as a string of one char per byte, or undefined. */
  constructor(tokens: readonly (string | undefined)[]) {
    let poolLength = 0;
    for (const token of tokens) {
      poolLength += token?.length ?? 0;
    }
    this.size = tokens.length;
    this.pool = new Uint8Array(poolLength);
    this.starts = new Int32Array(tokens.length);
    this.lengths = new Int32Array(tokens.length).fill(-1);

    // A load factor under 1/2 keeps probe sequences short.
    let capacity = 1;
    while (capacity < tokens.length * 2) {
      capacity *= 2;
    }
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;

    let at = 0;
    tokens.forEach((token, rank) => {
      if (token === undefined) {
        return;
      }
      this.starts[rank] = at;
      this.lengths[rank] = token.length;
      for (let i = 0; i < token.length; i++) {
        this.pool[at++] = token.charCodeAt(i);
      }
      let slot = hashBytes(this.pool, this.starts[rank], at) & this.mask;
      while (this.slots[slot] !== 0) {
        slot = (slot + 1) & this.mask;
      }
      this.slots[slot] = rank + 1;
    });
  }

  /** The rank of `bytes[start..end)`, or -1 when those bytes are not one token. */
  rankOf(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    const pool = this.pool;
    let slot = hashBytes(bytes, start, end) & this.mask;

    for (;;) {
      const entry = this.slots[slot];
      if (entry === 0) {
        return -1;
      }
      const rank = entry - 1;
      if (this.lengths[rank] === length) {
        const offset = this.starts[rank] - start;
        let i = start;
        while (i < end && pool[offset + i] === bytes[i]) {
          i++;
        }
        if (i === end) {
          return rank;
        }
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

/** FNV-1a over a byte range: cheap, and spreads the short keys of a vocabulary well. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    hash = Math.imul(hash ^ bytes[i], 0x01000193);
  }
  return (hash ^ (hash >>> 15)) >>> 0;
}
