import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CohereProvider } from '../../../../src/core/embeddings/cohereProvider';
import { OpenAiProvider } from '../../../../src/core/embeddings/openaiProvider';
import { EmbeddingError, type EmbeddingProvider } from '../../../../src/core/embeddings/provider';
import {
  BAD_REQUEST_MESSAGE,
  FAULT_MODELS,
  type FakeEmbeddingServer,
  refusedUrl,
  startEmbeddingServer,
} from '../../../fakes/embeddingServer';

const API_KEY = 'sk-test-7f3a9c1e5b';
const KEY_HINT = 'Set the key.';
// Short enough that the slow scenario and the SDK's leftover timers end quickly.
const TIMEOUT_MS = 400;
const FAST_RETRIES = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 };

interface ProviderCase {
  readonly label: string;
  /** How the provider is named at the start of a message. */
  readonly name: string;
  readonly create: (baseUrl: string, model: string, apiKey?: string) => EmbeddingProvider;
  readonly baseUrl: (server: FakeEmbeddingServer) => string;
}

const CASES: ProviderCase[] = [
  {
    label: 'Cohere',
    name: 'Cohere',
    baseUrl: (server) => server.url,
    create: (baseUrl, model, apiKey = API_KEY) =>
      new CohereProvider({
        apiKey,
        model,
        inputType: 'clustering',
        outputDimension: undefined,
        timeoutMs: TIMEOUT_MS,
        baseUrl,
        keyHint: KEY_HINT,
        retry: FAST_RETRIES,
      }),
  },
  {
    label: 'OpenAI-compatible',
    name: 'The OpenAI-compatible server',
    baseUrl: (server) => server.openAiBaseUrl,
    create: (baseUrl, model, apiKey = API_KEY) =>
      new OpenAiProvider({
        apiKey,
        model,
        baseUrl,
        dimensions: undefined,
        timeoutMs: TIMEOUT_MS,
        keyHint: KEY_HINT,
        retry: FAST_RETRIES,
      }),
  },
];

/** The error a user would see, after checking that it never shows the key. */
async function failure(promise: Promise<unknown>): Promise<EmbeddingError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof EmbeddingError, `not an EmbeddingError: ${String(error)}`);
    assert.ok(!error.message.includes(API_KEY), `the key leaked: ${error.message}`);
    return error;
  }
  assert.fail('expected the request to fail');
}

for (const testCase of CASES) {
  describe(`${testCase.label} provider against the fake server`, () => {
    let server: FakeEmbeddingServer;
    const embed = (model: string, texts = ['The cat sat on the mat.', 'Hello there']) =>
      testCase.create(testCase.baseUrl(server), model).embed(texts);

    before(async () => {
      server = await startEmbeddingServer();
      server.slowMs = 3000;
    });
    after(() => server.close());

    it('returns one vector per text, in order, and the billed tokens', async () => {
      const texts = ['The cat sat on the mat.', 'A cat was sitting on the mat.'];
      const result = await embed('any-model', texts);
      assert.deepEqual(result.vectors, [
        [1, 2, 2, 0],
        [2, 1, 2, 0],
      ]);
      // The fake bills one token per word: 6 + 7.
      assert.equal(result.billedTokens, 13);
    });

    it('sends both texts in one request with the key as a bearer token', async () => {
      const before = server.requests.length;
      await embed('any-model');
      assert.equal(server.requests.length, before + 1);
      const request = server.requests[server.requests.length - 1];
      assert.equal(request.authorization, `Bearer ${API_KEY}`);
      if (testCase.label === 'Cohere') {
        assert.equal(request.path, '/v2/embed');
        assert.deepEqual(request.body.texts, ['The cat sat on the mat.', 'Hello there']);
        assert.equal(request.body.input_type, 'clustering');
        assert.deepEqual(request.body.embedding_types, ['float']);
      } else {
        assert.equal(request.path, '/v1/embeddings');
        assert.deepEqual(request.body.input, ['The cat sat on the mat.', 'Hello there']);
        assert.equal(request.body.encoding_format, 'float');
      }
    });

    it('quotes the provider\'s message on 400', async () => {
      const error = await failure(embed(FAULT_MODELS.badRequest));
      assert.equal(error.kind, 'bad-request');
      assert.equal(
        error.message,
        `${testCase.name} rejected the request (400): "${BAD_REQUEST_MESSAGE}". Check the ` +
          'model, input type and dimension settings, and that each text fits the model.',
      );
    });

    it('says the key was rejected on 401, without echoing the key', async () => {
      const error = await failure(embed(FAULT_MODELS.unauthorized));
      assert.equal(error.kind, 'auth');
      assert.equal(
        error.message,
        `${testCase.name} rejected the API key (401): "invalid api token: Bearer [redacted]". ` +
          KEY_HINT,
      );
    });

    it('says access was refused on 403', async () => {
      const error = await failure(embed(FAULT_MODELS.forbidden));
      assert.equal(error.kind, 'auth');
      assert.equal(
        error.message,
        `${testCase.name} refused access (403): "this key has no access to the model". The ` +
          `key may not be allowed to use "${FAULT_MODELS.forbidden}". ${KEY_HINT}`,
      );
    });

    it('retries a 429 and succeeds when the limit lifts', async () => {
      const result = await embed(FAULT_MODELS.rateLimitedOnce, ['first', 'second']);
      assert.equal(result.vectors.length, 2);
    });

    it('gives up on a lasting 429 after two retries with a clear message', async () => {
      const before = server.requests.length;
      const error = await failure(embed(FAULT_MODELS.rateLimited));
      assert.equal(server.requests.length - before, 3);
      assert.equal(error.kind, 'rate-limit');
      assert.equal(
        error.message,
        `${testCase.name} is rate-limiting requests (429) and still was after 2 retries. ` +
          'Wait a minute and try again, or use a key with a higher rate limit.',
      );
    });

    it('reports a server error on 500', async () => {
      const error = await failure(embed(FAULT_MODELS.serverError));
      assert.equal(error.kind, 'server');
      assert.equal(
        error.message,
        `${testCase.name} had a server error (500): "internal server error". Try again in a ` +
          'few minutes.',
      );
    });

    it('stops waiting for a reply slower than the timeout', async () => {
      const error = await failure(embed(FAULT_MODELS.slow));
      assert.equal(error.kind, 'timeout');
      assert.equal(
        error.message,
        `${testCase.name} did not answer within 0.4 s. Try again, or raise the timeout if the ` +
          'server is slow (a local model may need time to load).',
      );
    });

    it('reports a refused connection with the address it tried', async () => {
      const url = await refusedUrl();
      const base = testCase.label === 'Cohere' ? url : `${url}/v1`;
      const error = await failure(testCase.create(base, 'any-model').embed(['a', 'b']));
      assert.equal(error.kind, 'network');
      assert.equal(
        error.message,
        `Could not reach ${testCase.name.replace(/^The/, 'the')} at ${base}: the connection ` +
          'was refused. Check your network connection and proxy, that the server is running, ' +
          'and the base URL.',
      );
    });

    it('rejects a 200 whose body is an HTML page', async () => {
      const error = await failure(embed(FAULT_MODELS.html));
      assert.equal(error.kind, 'invalid-response');
      assert.equal(
        error.message,
        `${testCase.name} answered with an HTML page instead of embeddings (a proxy, captive ` +
          'portal or wrong base URL may have answered). Check the base URL and any proxy, then ' +
          'try again.',
      );
    });

    it('rejects vectors of unequal length', async () => {
      const error = await failure(embed(FAULT_MODELS.unequalLengths));
      assert.equal(
        error.message,
        `${testCase.name} sent embeddings of different lengths (4, 3), which cannot be ` +
          'compared. The server is faulty; try again or use another server.',
      );
    });

    it('rejects vectors holding NaN', async () => {
      const error = await failure(embed(FAULT_MODELS.nan));
      assert.equal(
        error.message,
        `${testCase.name} sent an embedding holding NaN or infinity. The model or server is ` +
          'faulty; try again or use another model.',
      );
    });

    it('rejects fewer vectors than texts', async () => {
      const error = await failure(embed(FAULT_MODELS.tooFew));
      assert.equal(
        error.message,
        `${testCase.name} sent 1 embeddings for 2 texts. The server does not follow the ` +
          'embeddings API; try again or use another server.',
      );
    });

    it('aborts the request when the caller cancels', async () => {
      const controller = new AbortController();
      const abandonedBefore = server.abandoned();
      const requestsBefore = server.requests.length;
      const provider = testCase.create(testCase.baseUrl(server), FAULT_MODELS.slow);
      const pending = provider.embed(['a', 'b'], { signal: controller.signal });

      while (server.requests.length === requestsBefore) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      controller.abort();
      const error = await failure(pending);
      assert.equal(error.kind, 'cancelled');
      const name = testCase.name.replace(/^The/, 'the');
      assert.equal(error.message, `The request to ${name} was cancelled.`);

      while (server.abandoned() === abandonedBefore) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
  });
}

describe('provider specifics', () => {
  let server: FakeEmbeddingServer;
  before(async () => {
    server = await startEmbeddingServer();
  });
  after(() => server.close());

  it('OpenAI-compatible: rejects base64 strings sent although floats were asked for', async () => {
    const provider = CASES[1].create(server.openAiBaseUrl, FAULT_MODELS.base64);
    const error = await failure(provider.embed(['a', 'b']));
    assert.equal(
      error.message,
      'The OpenAI-compatible server sent base64-encoded embeddings although floats were asked ' +
        'for. The server ignores "encoding_format"; update it or use another server.',
    );
  });

  it('OpenAI-compatible: sends the dimensions, and no Authorization without a key', async () => {
    const provider = new OpenAiProvider({
      apiKey: undefined,
      model: 'local-model',
      baseUrl: server.openAiBaseUrl,
      dimensions: 256,
      timeoutMs: TIMEOUT_MS,
      keyHint: KEY_HINT,
    });
    await provider.embed(['a', 'b']);
    const request = server.requests[server.requests.length - 1];
    assert.equal(request.authorization, undefined);
    assert.equal(request.body.dimensions, 256);
  });

  it('Cohere: says a key is missing before sending anything', async () => {
    const before = server.requests.length;
    const error = await failure(CASES[0].create(server.url, 'embed-v4.0', '').embed(['a', 'b']));
    assert.equal(error.kind, 'missing-key');
    assert.equal(error.message, `No Cohere API key is set. ${KEY_HINT}`);
    assert.equal(server.requests.length, before);
  });

  it('Cohere: sends the output dimension when one is set', async () => {
    const provider = new CohereProvider({
      apiKey: API_KEY,
      model: 'embed-v4.0',
      inputType: 'search_document',
      outputDimension: 512,
      timeoutMs: TIMEOUT_MS,
      baseUrl: server.url,
      keyHint: KEY_HINT,
    });
    await provider.embed(['a', 'b']);
    const request = server.requests[server.requests.length - 1];
    assert.equal(request.body.output_dimension, 512);
    assert.equal(request.body.input_type, 'search_document');
  });
});
