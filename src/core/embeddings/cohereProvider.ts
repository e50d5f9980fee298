import { Cohere, CohereClientV2, CohereError, CohereTimeoutError } from 'cohere-ai';
import {
  httpFailureError,
  type KeyHelp,
  networkError,
  RequestDeadline,
  timeoutError,
} from './failures';
import type { EmbeddingProvider, EmbedOptions, EmbedResult } from './provider';
import { EmbeddingError } from './provider';
import {
  cancelledError,
  DEFAULT_RETRY_POLICY,
  parseRetryAfterMs,
  type RetryPolicy,
  withRateLimitRetry,
} from './retry';
import { nonJsonReplyError, validateVectors } from './validate';

export type CohereInputType =
  | 'search_document'
  | 'search_query'
  | 'classification'
  | 'clustering';

export interface CohereProviderOptions extends KeyHelp {
  readonly apiKey: string | undefined;
  readonly model: string;
  readonly inputType: CohereInputType;
  /** Only embed-v4.0 and later accept it (256, 512, 1024 or 1536). */
  readonly outputDimension: number | undefined;
  readonly timeoutMs: number;
  /** Overrides the SDK's public endpoint; tests point it at a fake server. */
  readonly baseUrl?: string;
  readonly retry?: RetryPolicy;
}

/** Time allowed for reading a reply's body once its headers arrived within the timeout. */
const BODY_GRACE_MS = 1000;

/** Cohere's embed endpoint through the official SDK's v2 client. */
export class CohereProvider implements EmbeddingProvider {
  readonly id = 'cohere';
  // Cohere's documented limit of texts per embed request.
  readonly maxTextsPerRequest = 96;
  private client: CohereClientV2 | undefined;

  constructor(private readonly options: CohereProviderOptions) {}

  get model(): string {
    return this.options.model;
  }

  get inputType(): string {
    return this.options.inputType;
  }

  get cacheScope(): string {
    const { baseUrl, model, inputType, outputDimension } = this.options;
    return JSON.stringify(['cohere', baseUrl ?? '', model, inputType, outputDimension ?? 0]);
  }

  embed(texts: readonly string[], options: EmbedOptions = {}): Promise<EmbedResult> {
    const { apiKey, keyHint } = this.options;
    if (apiKey === undefined || apiKey === '') {
      // The SDK would only fail once the request is built; say it before any network traffic.
      return Promise.reject(
        new EmbeddingError('cohere', 'missing-key', `No Cohere API key is set. ${keyHint}`),
      );
    }
    const policy = this.options.retry ?? DEFAULT_RETRY_POLICY;
    return withRateLimitRetry('cohere', policy, options.signal, () =>
      this.embedOnce(texts, apiKey, options.signal),
    );
  }

  private async embedOnce(
    texts: readonly string[],
    apiKey: string,
    cancel: AbortSignal | undefined,
  ): Promise<EmbedResult> {
    const { model, inputType, outputDimension, timeoutMs } = this.options;
    // The SDK's own timer bounds the wait for the reply's headers; ours, a little later, also
    // bounds reading the body, which the SDK's does not.
    const deadline = new RequestDeadline(timeoutMs, cancel, BODY_GRACE_MS);

    let reply: Cohere.EmbedByTypeResponse;
    try {
      reply = await this.getClient(apiKey).embed(
        {
          model,
          inputType,
          texts: [...texts],
          embeddingTypes: ['float'],
          // Cohere cuts over-long texts at the end; the caller warns before sending them.
          truncate: 'END',
          ...(outputDimension === undefined ? {} : { outputDimension }),
        },
        {
          abortSignal: deadline.signal,
          // Known limitation: the SDK does not clear this timer when the request fails
          // (refused or aborted), so it keeps Node alive for up to this long afterwards. The
          // CLI therefore exits explicitly, and tests use short timeouts.
          timeoutInSeconds: timeoutMs / 1000,
          // Rate limits are retried by withRateLimitRetry, the same way for every provider.
          maxRetries: 0,
        },
      );
    } catch (error) {
      throw (
        deadline.abortError('cohere') ??
        describeCohereFailure(error, { ...this.options, secret: apiKey })
      );
    }

    // A 200 whose body is not JSON resolves without embeddings; the SDK then hands back its
    // own description of the failure, which holds the raw body.
    const rawBody = (reply as { error?: { rawBody?: unknown } }).error?.rawBody;
    if (typeof rawBody === 'string') {
      throw nonJsonReplyError('cohere', rawBody);
    }
    const vectors = validateVectors('cohere', reply.embeddings?.float, texts.length);
    return { vectors, billedTokens: reply.meta?.billedUnits?.inputTokens };
  }

  private getClient(apiKey: string): CohereClientV2 {
    this.client ??= new CohereClientV2({
      token: apiKey,
      ...(this.options.baseUrl === undefined ? {} : { baseUrl: this.options.baseUrl }),
    });
    return this.client;
  }
}

/**
 * Maps what the SDK throws to one message. By class, since after bundling `err.name` reads
 * "CohereError2" or a minified name.
 */
export function describeCohereFailure(
  error: unknown,
  context: {
    readonly model: string;
    readonly keyHint: string;
    readonly timeoutMs: number;
    readonly secret: string | undefined;
    readonly baseUrl?: string;
  },
): EmbeddingError {
  const { model, keyHint, timeoutMs, secret, baseUrl } = context;
  if (error instanceof CohereTimeoutError) {
    return timeoutError('cohere', timeoutMs);
  }
  if (!(error instanceof CohereError)) {
    return networkError('cohere', baseUrl, error);
  }

  // The SDK reports its own timeout as a plain CohereError whose cause is "timeout".
  if (error.cause === 'timeout') {
    return timeoutError('cohere', timeoutMs);
  }
  if ((error.cause as { name?: unknown } | undefined)?.name === 'AbortError') {
    return cancelledError('cohere');
  }

  const status = statusOf(error);
  if (status === undefined) {
    return networkError('cohere', baseUrl, error.cause ?? error);
  }
  const retryAfter = error.rawResponse?.headers?.get?.('retry-after');
  return httpFailureError(
    'cohere',
    { status, body: error.body, retryAfterMs: parseRetryAfterMs(retryAfter) },
    { model, secret, keyHint },
  );
}

function statusOf(error: CohereError): number | undefined {
  if (error instanceof Cohere.BadRequestError) {
    return 400;
  }
  if (error instanceof Cohere.UnauthorizedError) {
    return 401;
  }
  if (error instanceof Cohere.ForbiddenError) {
    return 403;
  }
  if (error instanceof Cohere.NotFoundError) {
    return 404;
  }
  if (error instanceof Cohere.UnprocessableEntityError) {
    return 422;
  }
  if (error instanceof Cohere.TooManyRequestsError) {
    return 429;
  }
  if (error instanceof Cohere.InternalServerError) {
    return 500;
  }
  if (error instanceof Cohere.ServiceUnavailableError) {
    return 503;
  }
  if (error instanceof Cohere.GatewayTimeoutError) {
    return 504;
  }
  return error.statusCode;
}
