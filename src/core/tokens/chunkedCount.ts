import { createHash } from 'node:crypto';
import { type ChunkSizes, splitIntoChunks } from './chunking';
import type { EncodingName } from './encodings';
import { getTokenizer } from './tokenizer';

/**
 * Token counts of the chunks counted so far, so recounting an edited document counts only the
 * chunks the edit changed.
 *
 * The key is a SHA-256 digest of the encoding and the chunk rather than the chunk itself: a
 * chunk is a slice of its document, and V8 keeps the whole document string alive while a slice
 * of it is held, so text keys would pin one old copy of a large document per edit. A wrong hit
 * would take a SHA-256 collision. An entry takes about 150 bytes, so the default bound keeps
 * the cache near 2.5 MB while it remembers some 500 MB of text in chunks of about 30 K
 * characters. The least recently used entries go first.
 */
export class ChunkCountCache {
  private readonly counts = new Map<string, number>();

  /** Chunks taken from the cache and chunks counted, for tests and benchmarks. */
  hits = 0;
  misses = 0;

  constructor(readonly maxEntries = 16_384) {}

  /** The token count of `chunk`, from the cache or counted and remembered. */
  tokensOf(chunk: string, encoding: EncodingName): number {
    const key = cacheKey(chunk, encoding);
    const cached = this.counts.get(key);
    if (cached !== undefined) {
      // Re-inserting moves the entry to the back of Map's insertion order: most recently used.
      this.counts.delete(key);
      this.counts.set(key, cached);
      this.hits++;
      return cached;
    }

    const tokens = getTokenizer(encoding).count(chunk);
    this.misses++;
    this.counts.set(key, tokens);
    while (this.counts.size > this.maxEntries) {
      this.counts.delete(this.counts.keys().next().value as string);
    }
    return tokens;
  }

  get size(): number {
    return this.counts.size;
  }
}

function cacheKey(chunk: string, encoding: EncodingName): string {
  // UTF-16 rather than UTF-8 bytes: one string, one key, even for lone surrogates.
  return createHash('sha256').update(encoding).update('\0').update(chunk, 'utf16le')
    .digest('base64');
}

export interface ChunkedCountOptions {
  /** How the texts are cut; the default suits documents of any size. */
  readonly sizes?: ChunkSizes;
  /** Asked before each chunk; when it returns true the count stops. */
  readonly isCancelled?: () => boolean;
}

/**
 * The number of tokens of all `texts`, counted chunk by chunk through `cache`; equal to
 * counting each text whole. Undefined when `isCancelled` stopped it.
 */
export function countInChunks(
  texts: readonly string[],
  encoding: EncodingName,
  cache: ChunkCountCache,
  options: ChunkedCountOptions = {},
): number | undefined {
  let total = 0;

  for (const text of texts) {
    for (const chunk of splitIntoChunks(text, encoding, options.sizes)) {
      if (options.isCancelled?.() === true) {
        return undefined;
      }
      total += cache.tokensOf(chunk, encoding);
    }
  }

  return total;
}
