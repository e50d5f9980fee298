/** Embedding models the settings offer, with the limits the comparison warns about. */

export interface EmbeddingModelInfo {
  readonly id: string;
  readonly description: string;
  /** Longest input in the model's own tokens; longer texts are cut or rejected. */
  readonly maxTokens: number;
  readonly defaultDimensions: number;
  /** Output dimensions the model can be asked for, when it supports choosing. */
  readonly dimensions?: readonly number[];
}

// Figures from Cohere's model documentation.
export const COHERE_MODELS: readonly EmbeddingModelInfo[] = [
  {
    id: 'embed-v4.0',
    description: 'Latest, multilingual, long context (128K tokens)',
    maxTokens: 128_000,
    defaultDimensions: 1536,
    dimensions: [256, 512, 1024, 1536],
  },
  {
    id: 'embed-english-v3.0',
    description: 'English, 1024 dimensions, 512 tokens',
    maxTokens: 512,
    defaultDimensions: 1024,
  },
  {
    id: 'embed-multilingual-v3.0',
    description: 'Over 100 languages, 1024 dimensions, 512 tokens',
    maxTokens: 512,
    defaultDimensions: 1024,
  },
  {
    id: 'embed-english-light-v3.0',
    description: 'English, smaller and faster, 384 dimensions, 512 tokens',
    maxTokens: 512,
    defaultDimensions: 384,
  },
  {
    id: 'embed-multilingual-light-v3.0',
    description: 'Multilingual, smaller and faster, 384 dimensions, 512 tokens',
    maxTokens: 512,
    defaultDimensions: 384,
  },
];

// Figures from OpenAI's embeddings guide; all three read cl100k_base tokens.
export const OPENAI_MODELS: readonly EmbeddingModelInfo[] = [
  {
    id: 'text-embedding-3-small',
    description: '1536 dimensions, 8191 tokens',
    maxTokens: 8191,
    defaultDimensions: 1536,
  },
  {
    id: 'text-embedding-3-large',
    description: '3072 dimensions, 8191 tokens',
    maxTokens: 8191,
    defaultDimensions: 3072,
  },
  {
    id: 'text-embedding-ada-002',
    description: '1536 dimensions, 8191 tokens',
    maxTokens: 8191,
    defaultDimensions: 1536,
  },
];

export const DEFAULT_COHERE_MODEL = 'embed-v4.0';

export function findEmbeddingModel(
  provider: 'cohere' | 'openai',
  id: string,
): EmbeddingModelInfo | undefined {
  const models = provider === 'cohere' ? COHERE_MODELS : OPENAI_MODELS;
  return models.find((model) => model.id === id);
}
