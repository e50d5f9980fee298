import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One fake embedding server on 127.0.0.1 for unit and integration tests. It answers both
 * Cohere's `POST /v2/embed` and the OpenAI-style `POST {base}/embeddings`, and picks its
 * behaviour per request from the `model` field, so one server serves every scenario.
 */

/** Texts with hand-picked 4-dimensional vectors, so tests can compute expectations by hand. */
export const KNOWN_VECTORS: Readonly<Record<string, readonly number[]>> = {
  'The cat sat on the mat.': [1, 2, 2, 0],
  'A cat was sitting on the mat.': [2, 1, 2, 0],
  'Quarterly revenue rose by four percent.': [0, 0, 0, 3],
  'Stock prices fell sharply today.': [0, 0, 4, 3],
};

/** The model names that select a fault instead of a normal reply. */
export const FAULT_MODELS = {
  badRequest: 'fault-400',
  unauthorized: 'fault-401',
  forbidden: 'fault-403',
  rateLimited: 'fault-429',
  rateLimitedOnce: 'fault-429-once',
  serverError: 'fault-500',
  slow: 'fault-slow',
  html: 'fault-html',
  unequalLengths: 'fault-unequal',
  nan: 'fault-nan',
  base64: 'fault-base64',
  tooFew: 'fault-too-few',
} as const;

export const BAD_REQUEST_MESSAGE = 'invalid request: texts must not be longer than 512 tokens';

export interface RecordedRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: Record<string, unknown>;
}

export interface FakeEmbeddingServer {
  /** e.g. http://127.0.0.1:PORT: the Cohere client's base URL. */
  readonly url: string;
  /** `${url}/v1`: the OpenAI-compatible base URL. */
  readonly openAiBaseUrl: string;
  /** Every request received, oldest first. */
  readonly requests: RecordedRequest[];
  /** Requests whose client hung up before the answer was sent (a cancel or a timeout). */
  readonly abandoned: () => number;
  /** How long the slow scenario waits before answering. */
  slowMs: number;
  close(): Promise<void>;
}

/** A vector for any text: the known one, else one derived from simple counts of the text. */
export function fakeVector(text: string): number[] {
  const known = KNOWN_VECTORS[text];
  if (known !== undefined) {
    return [...known];
  }
  const words = text.split(/\s+/).filter((word) => word !== '').length;
  const vowels = (text.match(/[aeiou]/gi) ?? []).length;
  return [text.length, words, vowels, 1];
}

export async function startEmbeddingServer(): Promise<FakeEmbeddingServer> {
  const requests: RecordedRequest[] = [];
  const pending = new Set<NodeJS.Timeout>();
  const rateLimitedOnce = new Set<string>();
  let abandoned = 0;

  const fake: FakeEmbeddingServer = {
    url: '',
    openAiBaseUrl: '',
    requests,
    abandoned: () => abandoned,
    slowMs: 5000,
    close: async () => {
      pending.forEach((timer) => clearTimeout(timer));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server: Server = createServer((request, response) => {
    response.on('close', () => {
      if (!response.writableFinished) {
        abandoned++;
      }
    });
    void readJson(request).then((body) => {
      const record: RecordedRequest = {
        path: request.url ?? '',
        authorization: request.headers.authorization,
        body,
      };
      requests.push(record);
      const later = (answer: () => void, delayMs: number): void => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          answer();
        }, delayMs);
        pending.add(timer);
      };
      answerRequest(record, response, { later, slowMs: fake.slowMs, rateLimitedOnce });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(fake, { url: `http://127.0.0.1:${port}`, openAiBaseUrl: `http://127.0.0.1:${port}/v1` });
  return fake;
}

/** A base URL on which nothing listens: a port that was free a moment ago. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

interface AnswerContext {
  readonly later: (answer: () => void, delayMs: number) => void;
  readonly slowMs: number;
  readonly rateLimitedOnce: Set<string>;
}

function answerRequest(
  request: RecordedRequest,
  response: ServerResponse,
  context: AnswerContext,
): void {
  const cohere = request.path === '/v2/embed';
  if (!cohere && !request.path.endsWith('/embeddings')) {
    sendJson(response, 404, errorBody(cohere, `no route for ${request.path}`));
    return;
  }

  const texts = (cohere ? request.body.texts : request.body.input) as unknown;
  const list = Array.isArray(texts) ? texts.map(String) : [String(texts)];
  const model = String(request.body.model);
  const success = (vectors: unknown[]): void =>
    sendJson(response, 200, successBody(cohere, model, list, vectors));

  switch (model) {
    case FAULT_MODELS.badRequest:
      sendJson(response, 400, errorBody(cohere, BAD_REQUEST_MESSAGE));
      return;
    case FAULT_MODELS.unauthorized:
      // Echoes the credential, as some misconfigured proxies do, to prove it is redacted.
      sendJson(response, 401, errorBody(cohere, `invalid api token: ${request.authorization}`));
      return;
    case FAULT_MODELS.forbidden:
      sendJson(response, 403, errorBody(cohere, 'this key has no access to the model'));
      return;
    case FAULT_MODELS.rateLimited:
      sendJson(response, 429, errorBody(cohere, 'too many requests'), { 'retry-after': '0' });
      return;
    case FAULT_MODELS.rateLimitedOnce:
      if (!context.rateLimitedOnce.has(list.join('\n'))) {
        context.rateLimitedOnce.add(list.join('\n'));
        sendJson(response, 429, errorBody(cohere, 'too many requests'), { 'retry-after': '0' });
        return;
      }
      success(list.map(fakeVector));
      return;
    case FAULT_MODELS.serverError:
      sendJson(response, 500, errorBody(cohere, 'internal server error'));
      return;
    case FAULT_MODELS.slow:
      context.later(() => success(list.map(fakeVector)), context.slowMs);
      return;
    case FAULT_MODELS.html:
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><html><body><h1>Sign in to the proxy</h1></body></html>');
      return;
    case FAULT_MODELS.unequalLengths:
      success(list.map((text, i) => fakeVector(text).slice(0, 4 - (i % 2))));
      return;
    case FAULT_MODELS.nan:
      // What Python's json module writes for float('nan'): not valid JSON.
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(successBody(cohere, model, list, list.map(() => [0.5, 0, 0, 0]))).replace(
          /0\.5/g,
          'NaN',
        ),
      );
      return;
    case FAULT_MODELS.base64:
      success(list.map((text) => float32Base64(fakeVector(text))));
      return;
    case FAULT_MODELS.tooFew:
      success(list.slice(0, 1).map(fakeVector));
      return;
    default:
      success(list.map(fakeVector));
  }
}

function successBody(
  cohere: boolean,
  model: string,
  texts: string[],
  vectors: unknown[],
): Record<string, unknown> {
  const tokens = texts.reduce((sum, text) => sum + text.split(/\s+/).length, 0);
  if (cohere) {
    return {
      id: 'fake-embed',
      response_type: 'embeddings_by_type',
      embeddings: { float: vectors },
      texts,
      meta: { api_version: { version: '2' }, billed_units: { input_tokens: tokens } },
    };
  }
  return {
    object: 'list',
    data: vectors.map((embedding, index) => ({ object: 'embedding', embedding, index })),
    model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

/** The encoding OpenAI uses for `encoding_format: "base64"`: little-endian float32 bytes. */
function float32Base64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

function errorBody(cohere: boolean, message: string): Record<string, unknown> {
  return cohere ? { message } : { error: { message, type: 'invalid_request_error' } };
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
