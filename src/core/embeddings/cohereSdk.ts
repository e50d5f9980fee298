import { Cohere, CohereClientV2, CohereError, CohereTimeoutError } from 'cohere-ai';
import type { CohereProviderOptions } from './cohereProvider';
import { httpFailureError, networkError, RequestDeadline, timeoutError } from './failures';
import type { EmbeddingError, EmbedResult } from './provider';
import { cancelledError, parseRetryAfterMs } from './retry';
import { nonJsonReplyError, validateVectors } from './validate';

// The part of the Cohere provider that needs the SDK, loaded on the first request.

/** Time allowed for reading a reply's body once its headers arrived within the timeout. */
const BODY_GRACE_MS = 1000;

export function createCohereClient(apiKey: string, baseUrl: string | undefined): CohereClientV2 {
  return new CohereClientV2({ token: apiKey, ...(baseUrl === undefined ? {} : { baseUrl }) });
}

/** One embed request, without retries; every failure becomes an EmbeddingError. */
export async function embedWithCohere(
  client: CohereClientV2,
  texts: readonly string[],
  options: CohereProviderOptions & { readonly apiKey: string },
  cancel: AbortSignal | undefined,
): Promise<EmbedResult> {
  const { model, inputType, outputDimension, timeoutMs } = options;
  // The SDK's own timer bounds the wait for the reply's headers; ours, a little later, also
  // bounds reading the body, which the SDK's does not.
  const deadline = new RequestDeadline(timeoutMs, cancel, BODY_GRACE_MS);

  let reply: Cohere.EmbedByTypeResponse;
  try {
    reply = await client.embed(
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
      describeCohereFailure(error, { ...options, secret: options.apiKey })
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
