import { cancelledError } from './retry';
import {
  EmbeddingError,
  PROVIDER_NAMES,
  type ProviderId,
  quoteServerMessage,
  sentence,
} from './provider';

/** What a host tells the user to do about a missing or rejected key. */
export interface KeyHelp {
  /** e.g. "Run 'LLM Scope: Set Cohere API Key'." or "Set CO_API_KEY." */
  readonly keyHint: string;
}

export interface HttpFailure {
  readonly status: number;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
  readonly retryAfterMs: number | undefined;
}

/** Turns an HTTP error status into one message: what happened, then what to do. */
export function httpFailureError(
  provider: ProviderId,
  failure: HttpFailure,
  context: { readonly model: string; readonly secret: string | undefined } & KeyHelp,
): EmbeddingError {
  const name = sentence(PROVIDER_NAMES[provider]);
  const { status } = failure;
  const said = serverMessage(failure.body);
  const quoted = said === undefined ? '' : `: "${quoteServerMessage(said, context.secret)}"`;

  if (status === 401) {
    return new EmbeddingError(
      provider,
      'auth',
      `${name} rejected the API key (401)${quoted}. ${context.keyHint}`,
    );
  }
  if (status === 403) {
    return new EmbeddingError(
      provider,
      'auth',
      `${name} refused access (403)${quoted}. The key may not be allowed to use ` +
        `"${context.model}". ${context.keyHint}`,
    );
  }
  if (status === 404) {
    return new EmbeddingError(
      provider,
      'not-found',
      `${name} found no such model or endpoint (404)${quoted}. Check the model name ` +
        `("${context.model}") and the base URL.`,
    );
  }
  if (status === 429) {
    return new EmbeddingError(
      provider,
      'rate-limit',
      `${name} is rate-limiting requests (429)${quoted}.`,
      failure.retryAfterMs,
    );
  }
  if (status >= 500) {
    return new EmbeddingError(
      provider,
      'server',
      `${name} had a server error (${status})${quoted}. Try again in a few minutes.`,
    );
  }
  if (status >= 400) {
    return new EmbeddingError(
      provider,
      'bad-request',
      `${name} rejected the request (${status})${quoted}. Check the model, input type and ` +
        'dimension settings, and that each text fits the model.',
    );
  }
  return new EmbeddingError(
    provider,
    'server',
    `${name} answered with the unexpected status ${status}. Check the base URL.`,
  );
}

/** The human-readable part of an error body in the shapes Cohere and OpenAI-style servers use. */
function serverMessage(body: unknown): string | undefined {
  if (typeof body === 'string') {
    // An HTML error page says nothing useful in one line.
    return body.trim() === '' || /^\s*</.test(body) ? undefined : body;
  }
  if (typeof body !== 'object' || body === null) {
    return undefined;
  }
  const record = body as Record<string, unknown>;
  const error = record.error as Record<string, unknown> | string | undefined;
  const nested = typeof error === 'object' && error !== null ? error.message : error;
  const candidates = [record.message, nested, record.detail];
  return candidates.find((candidate): candidate is string => typeof candidate === 'string');
}

/**
 * Combines the caller's cancellation with this request's own deadline. The deadline's timer is
 * unreferenced (`AbortSignal.timeout`), so a finished command never waits for it.
 */
export class RequestDeadline {
  readonly signal: AbortSignal;
  private readonly timeout: AbortSignal;

  /** `graceMs` extends the timer beyond the timeout the user set and is told about. */
  constructor(
    readonly timeoutMs: number,
    private readonly cancel: AbortSignal | undefined,
    graceMs = 0,
  ) {
    this.timeout = AbortSignal.timeout(timeoutMs + graceMs);
    this.signal = cancel === undefined ? this.timeout : AbortSignal.any([cancel, this.timeout]);
  }

  /** The error for a request that ended because one of the two signals fired, if one did. */
  abortError(provider: ProviderId): EmbeddingError | undefined {
    if (this.cancel?.aborted === true) {
      return cancelledError(provider);
    }
    return this.timeout.aborted ? timeoutError(provider, this.timeoutMs) : undefined;
  }
}

export function timeoutError(provider: ProviderId, timeoutMs: number): EmbeddingError {
  const seconds = Number((timeoutMs / 1000).toPrecision(3));
  return new EmbeddingError(
    provider,
    'timeout',
    `${sentence(PROVIDER_NAMES[provider])} did not answer within ${seconds} s. Try again, or ` +
      'raise the timeout if the server is slow (a local model may need time to load).',
  );
}

/** A request that never got an HTTP answer: refused, unreachable, DNS, TLS. */
export function networkError(
  provider: ProviderId,
  baseUrl: string | undefined,
  cause: unknown,
): EmbeddingError {
  const code = networkCode(cause);
  const reason = code === 'ECONNREFUSED' ? 'the connection was refused' : `it failed (${code})`;
  const where = baseUrl === undefined ? '' : ` at ${displayUrl(baseUrl)}`;
  return new EmbeddingError(
    provider,
    'network',
    `Could not reach ${PROVIDER_NAMES[provider]}${where}: ${reason}. Check your network ` +
      'connection and proxy, that the server is running, and the base URL.',
  );
}

/** Node's fetch wraps the socket error (ECONNREFUSED, ENOTFOUND...) in `cause`. */
function networkCode(error: unknown): string {
  for (let current = error, depth = 0; current !== undefined && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return 'network error';
}

/** A base URL fit for a message: credentials and query (which may hold a key) removed. */
export function displayUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    url.username = '';
    url.password = '';
    url.search = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '(an invalid URL)';
  }
}
