import type { CohereClientV2 } from 'cohere-ai';
import type { KeyHelp } from './failures';
import type { EmbeddingProvider, EmbedOptions, EmbedResult } from './provider';
import { EmbeddingError } from './provider';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withRateLimitRetry } from './retry';

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

/**
 * Cohere's embed endpoint through the official SDK's v2 client. The SDK (about 0.9 MB
 * minified) is loaded on the first request, so activation and the other CLI commands do not
 * pay for it.
 */
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

  async embed(texts: readonly string[], options: EmbedOptions = {}): Promise<EmbedResult> {
    const { apiKey, keyHint, baseUrl } = this.options;
    if (apiKey === undefined || apiKey === '') {
      // The SDK would only fail once the request is built; say it before any network traffic.
      throw new EmbeddingError('cohere', 'missing-key', `No Cohere API key is set. ${keyHint}`);
    }

    const sdk = await import('./cohereSdk');
    this.client ??= sdk.createCohereClient(apiKey, baseUrl);
    const client = this.client;
    const policy = this.options.retry ?? DEFAULT_RETRY_POLICY;
    return withRateLimitRetry('cohere', policy, options.signal, () =>
      sdk.embedWithCohere(client, texts, { ...this.options, apiKey }, options.signal),
    );
  }
}
