import { seededRandom } from '../../test/support/fuzzAlphabet';

/** A seeded source of choices, so every run of the benchmark measures the same bytes. */
export class Choices {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /**
   * An item of a list ordered from most to least frequent, skewed towards the front the way
   * word frequencies are (roughly Zipf-like; the exponent was picked by eye, not fitted).
   */
  pickFrequent<T>(items: readonly T[]): T {
    return items[Math.floor(Math.pow(this.next(), 2.5) * items.length)];
  }

  /** An integer spread evenly over orders of magnitude between min and max. */
  logInt(min: number, max: number): number {
    return Math.round(min * Math.pow(max / min, this.next()));
  }
}

/** Concatenates chunks from `chunk` until the UTF-8 size reaches `targetBytes`. */
export function fillTo(targetBytes: number, chunk: () => string): string {
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const part = chunk();
    parts.push(part);
    bytes += Buffer.byteLength(part, 'utf8');
  }
  return parts.join('');
}
