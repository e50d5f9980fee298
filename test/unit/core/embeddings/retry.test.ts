import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeCosine } from '../../../../src/core/embeddings/reading';
import { parseRetryAfterMs, retryDelayMs } from '../../../../src/core/embeddings/retry';

const policy = { maxRetries: 2, baseDelayMs: 1000, maxDelayMs: 10_000 };

describe('rate-limit retries', () => {
  it('reads Retry-After in seconds and as an HTTP date', () => {
    assert.equal(parseRetryAfterMs('3'), 3000);
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    assert.equal(parseRetryAfterMs('Wed, 21 Oct 2015 07:28:05 GMT', now), 5000);
    assert.equal(parseRetryAfterMs(null), undefined);
    assert.equal(parseRetryAfterMs('soon'), undefined);
  });

  it('waits as long as Retry-After asks, up to the cap', () => {
    assert.equal(retryDelayMs(0, 3000, policy), 3000);
    assert.equal(retryDelayMs(0, 120_000, policy), 10_000);
  });

  it('backs off exponentially from the base delay when the server gives no Retry-After', () => {
    assert.equal(retryDelayMs(0, undefined, policy), 1000);
    assert.equal(retryDelayMs(1, undefined, policy), 2000);
    assert.equal(retryDelayMs(2, undefined, policy), 4000);
    assert.equal(retryDelayMs(5, undefined, policy), 10_000);
  });
});

describe('describeCosine', () => {
  it('reads high, middling, low and negative scores in plain words', () => {
    assert.equal(describeCosine(1), 'Nearly identical in meaning (or the same text).');
    assert.equal(describeCosine(8 / 9), 'Very similar: they say much the same thing.');
    assert.equal(
      describeCosine(0.6),
      'Related: the same topic, said differently or with different details.',
    );
    assert.equal(describeCosine(0.1), 'Unrelated.');
    assert.match(describeCosine(-0.3), /^Pointing apart/);
  });
});
