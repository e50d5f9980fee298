import * as z from 'zod';
import {
  httpFailureError,
  type KeyHelp,
  networkError,
  RequestDeadline,
} from './failures';
import type { EmbeddingProvider, EmbedOptions, EmbedResult } from './provider';
import { EmbeddingError } from './provider';
import {
  DEFAULT_RETRY_POLICY,
  parseRetryAfterMs,
  type RetryPolicy,
  withRateLimitRetry,
} from './retry';
import { noEmbeddingsError, nonJsonReplyError, validateVectors } from './validate';

export interface OpenAiProviderOptions extends KeyHelp {
  /** e.g. `http://127.0.0.1:11434/v1`; `/embeddings` is appended. */
  readonly baseUrl: string;
  readonly model: string;
  /** Sent as a bearer token when given; local servers usually need none. */
  readonly apiKey: string | undefined;
  /** Asks models that support it (text-embedding-3-*) for shorter vectors. */
  readonly dimensions: number | undefined;
  readonly timeoutMs: number;
  readonly retry?: RetryPolicy;
}

// Servers differ in what else they send; only what is used is checked here, the vectors
// themselves by validateVectors.
const replySchema = z.object({
  data: z.array(z.object({ embedding: z.unknown(), index: z.number().int().optional() })),
  usage: z.object({ prompt_tokens: z.number().optional() }).partial().nullish(),
});

/**
 * Any server that speaks the OpenAI embeddings API (OpenAI, Ollama, LM Studio, llama.cpp,
 * vLLM, TEI), through plain fetch: `POST {base}/embeddings`.
 */
export class OpenAiProvider implements EmbeddingProvider {
  readonly id = 'openai';
  readonly inputType = '';
  // OpenAI accepts 2048 inputs a request; local servers are usually far smaller batches.
  readonly maxTextsPerRequest = 96;

  constructor(private readonly options: OpenAiProviderOptions) {}

  get model(): string {
    return this.options.model;
  }

  get cacheScope(): string {
    const { baseUrl, model, dimensions } = this.options;
    return JSON.stringify(['openai', baseUrl, model, dimensions ?? 0]);
  }

  embed(texts: readonly string[], options: EmbedOptions = {}): Promise<EmbedResult> {
    const policy = this.options.retry ?? DEFAULT_RETRY_POLICY;
    return withRateLimitRetry('openai', policy, options.signal, () =>
      this.embedOnce(texts, options.signal),
    );
  }

  private async embedOnce(
    texts: readonly string[],
    cancel: AbortSignal | undefined,
  ): Promise<EmbedResult> {
    const { baseUrl, model, apiKey, dimensions, timeoutMs } = this.options;
    const deadline = new RequestDeadline(timeoutMs, cancel);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (apiKey !== undefined && apiKey !== '') {
      headers.authorization = `Bearer ${apiKey}`;
    }

    let response: Response;
    let text: string;
    try {
      response = await fetch(`${baseUrl.replace(/\/+$/, '')}/embeddings`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          model,
          input: texts,
          encoding_format: 'float',
          ...(dimensions === undefined ? {} : { dimensions }),
        }),
        signal: deadline.signal,
      });
      text = await response.text();
    } catch (error) {
      throw deadline.abortError('openai') ?? this.requestError(error);
    }

    const body = parseJson(text);
    if (!response.ok) {
      throw httpFailureError(
        'openai',
        {
          status: response.status,
          body: body ?? text,
          retryAfterMs: parseRetryAfterMs(response.headers.get('retry-after')),
        },
        { model, secret: apiKey, keyHint: this.options.keyHint },
      );
    }
    if (body === undefined) {
      throw nonJsonReplyError('openai', text);
    }

    const reply = replySchema.safeParse(body);
    if (!reply.success) {
      throw noEmbeddingsError('openai');
    }

    // The spec lets servers answer out of order; `index` says where each vector belongs.
    const items = [...reply.data.data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    const vectors = validateVectors(
      'openai',
      items.map((item) => item.embedding),
      texts.length,
    );
    return { vectors, billedTokens: reply.data.usage?.prompt_tokens };
  }

  private requestError(error: unknown): EmbeddingError {
    if (error instanceof TypeError && /invalid url|failed to parse url/i.test(error.message)) {
      return new EmbeddingError(
        'openai',
        'bad-request',
        'The OpenAI-compatible base URL setting is not a valid URL. Set it to the server ' +
          'address, e.g. http://127.0.0.1:11434/v1 for Ollama.',
      );
    }
    return networkError('openai', this.options.baseUrl, error);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
