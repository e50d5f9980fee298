import { EmbeddingError, PROVIDER_NAMES, type ProviderId, sentence } from './provider';

/** How a provider retries a rate-limited (429) request. */
export interface RetryPolicy {
  /** Retries after the first attempt. @default 2 */
  readonly maxRetries: number;
  /** Wait before the first retry when the server gives no Retry-After; doubles each time. */
  readonly baseDelayMs: number;
  /** Longest wait, whatever Retry-After asks, so a command never stalls for minutes. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 1000,
  maxDelayMs: 10_000,
};

/**
 * Milliseconds to wait before retry number `retry` (0-based): what the server asked for when it
 * sent Retry-After, else exponential backoff; never more than the cap.
 */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
): number {
  const delayMs = retryAfterMs ?? policy.baseDelayMs * 2 ** retry;
  return Math.min(policy.maxDelayMs, Math.max(0, delayMs));
}

/** A Retry-After header (seconds or an HTTP date) in milliseconds from now. */
export function parseRetryAfterMs(
  retryAfter: string | null | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  if (retryAfter === null || retryAfter === undefined || retryAfter.trim() === '') {
    return undefined;
  }
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const dateMs = Date.parse(retryAfter);
  return Number.isNaN(dateMs) ? undefined : Math.max(0, dateMs - nowMs);
}

/** Runs `attempt`, retrying it while it fails with a rate-limit error, then explains. */
export async function withRateLimitRetry<T>(
  provider: ProviderId,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof EmbeddingError) || error.kind !== 'rate-limit') {
        throw error;
      }
      if (retry >= policy.maxRetries) {
        throw new EmbeddingError(
          provider,
          'rate-limit',
          `${sentence(PROVIDER_NAMES[provider])} is rate-limiting requests (429) and still ` +
            `was after ${policy.maxRetries} ${policy.maxRetries === 1 ? 'retry' : 'retries'}. ` +
            'Wait a minute and try again, or use a key with a higher rate limit.',
          error.retryAfterMs,
        );
      }
      await sleep(retryDelayMs(retry, error.retryAfterMs, policy), signal, provider);
    }
  }
}

function sleep(
  delayMs: number,
  signal: AbortSignal | undefined,
  provider: ProviderId,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(cancelledError(provider));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError(provider));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function cancelledError(provider: ProviderId): EmbeddingError {
  return new EmbeddingError(
    provider,
    'cancelled',
    `The request to ${PROVIDER_NAMES[provider]} was cancelled.`,
  );
}
