import { type CohereInputType, CohereProvider } from './cohereProvider';
import { OpenAiProvider } from './openaiProvider';
import type { EmbeddingProvider, ProviderId } from './provider';

export const COHERE_INPUT_TYPES: readonly CohereInputType[] = [
  'clustering',
  'classification',
  'search_document',
  'search_query',
];

/**
 * Both passages get the same type, so the comparison is symmetric; "clustering" is the type
 * Cohere meant for grouping texts by how alike they are. The search types are asymmetric
 * (a query against documents).
 */
export const DEFAULT_COHERE_INPUT_TYPE: CohereInputType = 'clustering';

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface ProviderSettings {
  readonly provider: ProviderId;
  readonly model: string;
  /** Cohere only. */
  readonly inputType: CohereInputType;
  /** Cohere's output dimension or the OpenAI `dimensions` field. */
  readonly dimensions: number | undefined;
  /** Required for OpenAI-compatible servers; for Cohere, replaces the public endpoint. */
  readonly baseUrl: string | undefined;
  readonly apiKey: string | undefined;
  readonly timeoutMs: number;
  /** What the host tells the user to do about a missing or rejected key. */
  readonly keyHint: string;
}

export function isCohereInputType(value: string): value is CohereInputType {
  return (COHERE_INPUT_TYPES as readonly string[]).includes(value);
}

export function createProvider(settings: ProviderSettings): EmbeddingProvider {
  const { model, apiKey, timeoutMs, keyHint, dimensions } = settings;
  if (settings.provider === 'cohere') {
    return new CohereProvider({
      apiKey,
      model,
      inputType: settings.inputType,
      outputDimension: dimensions,
      timeoutMs,
      keyHint,
      ...(settings.baseUrl === undefined ? {} : { baseUrl: settings.baseUrl }),
    });
  }
  return new OpenAiProvider({
    apiKey,
    model,
    baseUrl: settings.baseUrl ?? '',
    dimensions,
    timeoutMs,
    keyHint,
  });
}
