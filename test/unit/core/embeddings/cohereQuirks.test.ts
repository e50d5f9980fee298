import { Cohere, CohereError } from 'cohere-ai';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeCohereFailure } from '../../../../src/core/embeddings/cohereSdk';

const context = { model: 'embed-v4.0', keyHint: 'Set the key.', timeoutMs: 30_000, secret: 'k' };

// cohere-ai 8.1.0 behaviours documented in the shared provider notes.
describe('Cohere SDK quirks', () => {
  it('reads a plain CohereError whose cause is "timeout" as a timeout', () => {
    const error = describeCohereFailure(
      new CohereError({ message: 'The operation was aborted', cause: 'timeout' }),
      context,
    );
    assert.equal(error.kind, 'timeout');
    assert.equal(
      error.message,
      'Cohere did not answer within 30 s. Try again, or raise the timeout if the server is ' +
        'slow (a local model may need time to load).',
    );
  });

  it('recognises an error class even when bundling renamed it', () => {
    const unauthorized = new Cohere.UnauthorizedError({ message: 'invalid api token' });
    Object.defineProperty(unauthorized, 'name', { value: 'CohereError2' });
    const error = describeCohereFailure(unauthorized, context);
    assert.equal(error.kind, 'auth');
    assert.equal(
      error.message,
      'Cohere rejected the API key (401): "invalid api token". Set the key.',
    );
  });
});
