/**
 * Vector arithmetic for comparing embeddings. Every function refuses input on which the result
 * would be meaningless (NaN or a silent truncation) and says why instead.
 */

export class VectorMathError extends Error {}

/** The measures a comparison of two embeddings reports. */
export interface VectorComparison {
  readonly dimensions: number;
  readonly cosine: number;
  readonly dot: number;
  readonly euclidean: number;
  readonly normA: number;
  readonly normB: number;
}

export function dotProduct(a: readonly number[], b: readonly number[]): number {
  checkSameLength(a, b);
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    sum += a[i] * b[i];
  }
  return sum;
}

/** The Euclidean (L2) norm, the length of the vector. */
export function norm(vector: readonly number[]): number {
  checkNotEmpty(vector);
  let sum = 0;
  for (const value of vector) {
    sum += value * value;
  }
  return Math.sqrt(sum);
}

/** cos θ = a·b / (|a| |b|), in [-1, 1]; undefined for a zero vector, which has no direction. */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  const dot = dotProduct(a, b);
  const normA = norm(a);
  const normB = norm(b);
  if (normA === 0 || normB === 0) {
    throw new VectorMathError(
      'Cosine similarity is undefined for a zero vector (it has no direction).',
    );
  }

  // Rounding can push the quotient of parallel vectors a hair past ±1.
  return Math.min(1, Math.max(-1, dot / (normA * normB)));
}

export function euclideanDistance(a: readonly number[], b: readonly number[]): number {
  checkSameLength(a, b);
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const difference = a[i] - b[i];
    sum += difference * difference;
  }
  return Math.sqrt(sum);
}

export function compareVectors(a: readonly number[], b: readonly number[]): VectorComparison {
  return {
    dimensions: a.length,
    cosine: cosineSimilarity(a, b),
    dot: dotProduct(a, b),
    euclidean: euclideanDistance(a, b),
    normA: norm(a),
    normB: norm(b),
  };
}

function checkNotEmpty(vector: readonly number[]): void {
  if (vector.length === 0) {
    throw new VectorMathError('The vector is empty; an embedding has at least one dimension.');
  }
}

function checkSameLength(a: readonly number[], b: readonly number[]): void {
  checkNotEmpty(a);
  checkNotEmpty(b);
  if (a.length !== b.length) {
    throw new VectorMathError(
      `The vectors have different lengths (${a.length} and ${b.length}); ` +
        'only embeddings from the same model and dimension can be compared.',
    );
  }
}
