import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compareVectors,
  cosineSimilarity,
  dotProduct,
  euclideanDistance,
  norm,
} from '../../../../src/core/embeddings/vectorMath';

// Every expected value below is worked out by hand in the comment beside it.
describe('vector math', () => {
  it('computes the dot product of two vectors', () => {
    // 1·2 + 2·1 + 2·2 + 0·0 = 8
    assert.equal(dotProduct([1, 2, 2, 0], [2, 1, 2, 0]), 8);
  });

  it('computes the norm as the length of the vector', () => {
    // √(3² + 4²) = 5
    assert.equal(norm([3, 4]), 5);
  });

  it('computes cosine similarity as the dot product over the product of the norms', () => {
    // 8 / (3 · 3)
    assert.equal(cosineSimilarity([1, 2, 2, 0], [2, 1, 2, 0]), 8 / 9);
    // 9 / (3 · 5)
    assert.equal(cosineSimilarity([0, 0, 0, 3], [0, 0, 4, 3]), 0.6);
  });

  it('gives 1 for parallel, -1 for opposite and 0 for orthogonal vectors', () => {
    assert.equal(cosineSimilarity([1, 2, 3], [2, 4, 6]), 1);
    assert.equal(cosineSimilarity([1, 2, 3], [-1, -2, -3]), -1);
    assert.equal(cosineSimilarity([1, 0], [0, 5]), 0);
  });

  it('computes the Euclidean distance', () => {
    // √((0−3)² + (0−4)²) = 5
    assert.equal(euclideanDistance([0, 0], [3, 4]), 5);
  });

  it('reports every measure of a comparison together', () => {
    assert.deepEqual(compareVectors([0, 0, 0, 3], [0, 0, 4, 3]), {
      dimensions: 4,
      cosine: 0.6,
      dot: 9,
      euclidean: 4,
      normA: 3,
      normB: 5,
    });
  });

  it('refuses a cosine with a zero vector instead of returning NaN', () => {
    assert.throws(() => cosineSimilarity([0, 0, 0], [1, 2, 3]), {
      message: 'Cosine similarity is undefined for a zero vector (it has no direction).',
    });
  });

  it('refuses vectors of different lengths, naming both lengths', () => {
    const expected =
      'The vectors have different lengths (3 and 2); only embeddings from the same model and ' +
      'dimension can be compared.';
    assert.throws(() => dotProduct([1, 2, 3], [1, 2]), { message: expected });
    assert.throws(() => euclideanDistance([1, 2, 3], [1, 2]), { message: expected });
    assert.throws(() => cosineSimilarity([1, 2, 3], [1, 2]), { message: expected });
  });

  it('refuses empty vectors', () => {
    assert.throws(() => norm([]), /The vector is empty/);
    assert.throws(() => dotProduct([], []), /The vector is empty/);
  });
});
