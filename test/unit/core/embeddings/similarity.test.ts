import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EmbeddingCache } from '../../../../src/core/embeddings/cache';
import { OpenAiProvider } from '../../../../src/core/embeddings/openaiProvider';
import { CohereProvider } from '../../../../src/core/embeddings/cohereProvider';
import { compareTexts } from '../../../../src/core/embeddings/similarity';
import { type FakeEmbeddingServer, startEmbeddingServer } from '../../../fakes/embeddingServer';

const CAT = 'The cat sat on the mat.';
const CAT_AGAIN = 'A cat was sitting on the mat.';
const REVENUE = 'Quarterly revenue rose by four percent.';
const STOCKS = 'Stock prices fell sharply today.';

describe('compareTexts', () => {
  let server: FakeEmbeddingServer;
  const provider = (model = 'any-model'): OpenAiProvider =>
    new OpenAiProvider({
      apiKey: undefined,
      model,
      baseUrl: server.openAiBaseUrl,
      dimensions: undefined,
      timeoutMs: 2000,
      keyHint: '',
    });

  before(async () => {
    server = await startEmbeddingServer();
  });
  after(() => server.close());

  it('reports cosine, dot, distance, norms and a reading for two texts', async () => {
    // The fake's vectors: [1, 2, 2, 0] and [2, 1, 2, 0]; worked by hand:
    // dot 8, norms 3 and 3, cosine 8/9, distance √2.
    const result = await compareTexts(provider(), [CAT, CAT_AGAIN]);
    assert.deepEqual(result.comparison, {
      dimensions: 4,
      cosine: 8 / 9,
      dot: 8,
      euclidean: Math.SQRT2,
      normA: 3,
      normB: 3,
    });
    assert.equal(result.reading, 'Very similar: they say much the same thing.');
    assert.equal(result.model, 'any-model');
  });

  it('builds the cosine matrix for three or more texts', async () => {
    // [1,2,2,0], [0,0,0,3], [0,0,4,3]: norms 3, 3, 5; dots 0, 8, 9.
    const result = await compareTexts(provider(), [CAT, REVENUE, STOCKS]);
    assert.deepEqual(result.matrix, [
      [1, 0, 8 / 15],
      [0, 1, 0.6],
      [8 / 15, 0.6, 1],
    ]);
    assert.deepEqual(result.norms, [3, 3, 5]);
  });

  it('makes no request when the same passages are compared again', async () => {
    const cache = new EmbeddingCache();
    const first = await compareTexts(provider(), [CAT, STOCKS], { cache });
    const requestsAfterFirst = server.requests.length;
    const second = await compareTexts(provider(), [STOCKS, CAT], { cache });

    assert.equal(first.requests, 1);
    assert.equal(second.requests, 0);
    assert.equal(second.billedTokens, 0);
    assert.equal(server.requests.length, requestsAfterFirst);
    assert.equal(second.comparison.cosine, 8 / 15);
  });

  it('asks only for the passages it has not seen, under the same model', async () => {
    const cache = new EmbeddingCache();
    await compareTexts(provider(), [CAT, STOCKS], { cache });
    const third = await compareTexts(provider(), [CAT, REVENUE], { cache });
    assert.deepEqual(server.requests[server.requests.length - 1].body.input, [REVENUE]);
    assert.equal(third.requests, 1);

    await compareTexts(provider('other-model'), [CAT, STOCKS], { cache });
    assert.deepEqual(server.requests[server.requests.length - 1].body.input, [CAT, STOCKS]);
  });

  it('forgets the least recently used embedding beyond its bound', () => {
    const cache = new EmbeddingCache(2);
    cache.set('scope', 'a', [1]);
    cache.set('scope', 'b', [2]);
    cache.get('scope', 'a');
    cache.set('scope', 'c', [3]);
    assert.deepEqual(cache.get('scope', 'a'), [1]);
    assert.equal(cache.get('scope', 'b'), undefined);
    assert.equal(cache.size, 2);
  });

  it('refuses an empty or whitespace-only text before sending anything', async () => {
    const before = server.requests.length;
    await assert.rejects(compareTexts(provider(), [CAT, ' \n\t ']), {
      message: 'Text 2 is empty or only whitespace; an empty text has no meaning to compare.',
    });
    assert.equal(server.requests.length, before);
  });

  it('warns that Cohere truncates a text longer than a v3 model reads', async () => {
    const cohere = new CohereProvider({
      apiKey: 'key',
      model: 'embed-english-v3.0',
      inputType: 'clustering',
      outputDimension: undefined,
      timeoutMs: 2000,
      baseUrl: server.url,
      keyHint: '',
    });
    // " cat" is one cl100k_base token, so this text is 600 tokens.
    const long = ' cat'.repeat(600);
    const result = await compareTexts(cohere, [CAT, long]);
    assert.deepEqual(result.warnings, [
      'Text 2 is about 600 tokens, more than the 512 that embed-english-v3.0 reads. Cohere ' +
        'truncated it at the end, so the score covers only its beginning.',
    ]);
  });
});
