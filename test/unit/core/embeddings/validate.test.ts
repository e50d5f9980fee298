import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EmbeddingError } from '../../../../src/core/embeddings/provider';
import { validateVectors } from '../../../../src/core/embeddings/validate';

describe('validateVectors', () => {
  it('accepts finite vectors of one length, as many as texts were sent', () => {
    assert.deepEqual(validateVectors('openai', [[1, 0], [0.5, -2]], 2), [[1, 0], [0.5, -2]]);
  });

  it('refuses a vector of zeros, naming the text, since it has no direction to compare', () => {
    assert.throws(
      () => validateVectors('openai', [[1, 2], [0, 0]], 2),
      (error: unknown) =>
        error instanceof EmbeddingError &&
        error.kind === 'invalid-response' &&
        /all zeros for text 2/.test(error.message),
    );
  });
});
