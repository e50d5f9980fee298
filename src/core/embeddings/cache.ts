/**
 * Embeddings already fetched this session, so comparing the same passages again costs no
 * request. Least recently used entries go first once the bound is reached: a 1536-dimension
 * vector takes about 12 KB, so the default bound keeps the cache near 3 MB.
 */
export class EmbeddingCache {
  private readonly entries = new Map<string, readonly number[]>();

  constructor(readonly maxEntries = 256) {}

  get(scope: string, text: string): readonly number[] | undefined {
    const key = cacheKey(scope, text);
    const vector = this.entries.get(key);
    if (vector !== undefined) {
      // Re-inserting moves the entry to the back of Map's insertion order: most recently used.
      this.entries.delete(key);
      this.entries.set(key, vector);
    }
    return vector;
  }

  set(scope: string, text: string, vector: readonly number[]): void {
    const key = cacheKey(scope, text);
    this.entries.delete(key);
    this.entries.set(key, vector);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

function cacheKey(scope: string, text: string): string {
  return `${scope}\u0000${text}`;
}
