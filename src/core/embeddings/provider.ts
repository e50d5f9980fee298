/** What every embedding provider offers, and the one error type they all throw. */

export type ProviderId = 'cohere' | 'openai';

export const PROVIDER_NAMES: Record<ProviderId, string> = {
  cohere: 'Cohere',
  openai: 'the OpenAI-compatible server',
};

export interface EmbedOptions {
  /** Aborts the request, e.g. when the user cancels the progress notification. */
  readonly signal?: AbortSignal;
}

export interface EmbedResult {
  /** One vector per text, in the order the texts were given. */
  readonly vectors: readonly (readonly number[])[];
  /** Input tokens the provider billed, when it reports them. */
  readonly billedTokens: number | undefined;
}

export interface EmbeddingProvider {
  readonly id: ProviderId;
  readonly model: string;
  /** Part of the cache key: the same text embeds differently under another input type. */
  readonly inputType: string;
  /**
   * Everything besides the text that decides the vector: provider, endpoint, model, input type
   * and dimension. Cached vectors are shared only within one scope.
   */
  readonly cacheScope: string;
  /** Most texts one request may carry. */
  readonly maxTextsPerRequest: number;
  embed(texts: readonly string[], options?: EmbedOptions): Promise<EmbedResult>;
}

/**
 * Why a request failed, so a host can add its own remedy: the extension offers to set a key
 * on `auth`, the CLI names the environment variable.
 */
export type EmbeddingErrorKind =
  | 'missing-key'
  | 'auth'
  | 'bad-request'
  | 'not-found'
  | 'rate-limit'
  | 'server'
  | 'timeout'
  | 'network'
  | 'invalid-response'
  | 'cancelled';

/** A failure described for the user: what happened and what to do, never a key. */
export class EmbeddingError extends Error {
  constructor(
    readonly provider: ProviderId,
    readonly kind: EmbeddingErrorKind,
    message: string,
    /** How long the provider asked us to wait (429), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * Removes every occurrence of `secret` from text that came from a server or the network layer,
 * since a misbehaving proxy may echo the Authorization header back.
 */
export function redact(text: string, secret: string | undefined): string {
  if (secret === undefined || secret.length < 4) {
    return text;
  }
  return text.split(secret).join('[redacted]');
}

/** A server's message shortened to one line, for quoting inside ours. */
export function quoteServerMessage(text: string, secret: string | undefined): string {
  const line = redact(text, secret).replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** `text` with its first letter capitalised, for a provider name that opens a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
