import type { ProviderId } from './provider';
import type { VectorComparison } from './vectorMath';

/**
 * The outcome of one comparison. Kept apart from the code that computes it so the results
 * view (which runs in a browser) can use the type without pulling in the tokenizer.
 */
export interface SimilarityResult {
  readonly provider: ProviderId;
  readonly model: string;
  readonly inputType: string;
  readonly texts: readonly string[];
  /** The first two texts compared in full. */
  readonly comparison: VectorComparison;
  /** Cosine similarity of every pair, `matrix[i][j]`; 1 on the diagonal. */
  readonly matrix: readonly (readonly number[])[];
  readonly norms: readonly number[];
  readonly reading: string;
  /** Input tokens billed for this comparison when the provider said; 0 when all were cached. */
  readonly billedTokens: number | undefined;
  /** Requests sent; 0 when every embedding came from the cache. */
  readonly requests: number;
  readonly warnings: readonly string[];
}
