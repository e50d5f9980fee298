import { getTokenizer } from '../tokens/tokenizer';
import type { EmbeddingCache } from './cache';
import { findEmbeddingModel } from './models';
import type { EmbeddingProvider } from './provider';
import { describeCosine } from './reading';
import type { SimilarityResult } from './result';
import { compareVectors, cosineSimilarity, norm } from './vectorMath';

/** Input the user must fix before anything is sent: an empty passage, too few passages. */
export class SimilarityInputError extends Error {}

export interface CompareOptions {
  readonly cache?: EmbeddingCache;
  readonly signal?: AbortSignal;
}

/** Embeds `texts` (two or more) with one provider and compares them. */
export async function compareTexts(
  provider: EmbeddingProvider,
  texts: readonly string[],
  options: CompareOptions = {},
): Promise<SimilarityResult> {
  checkTexts(texts);
  const warnings = lengthWarnings(provider, texts);
  const { vectors, billedTokens, requests } = await embedAll(provider, texts, options);

  const matrix = vectors.map((a) => vectors.map((b) => cosineSimilarity(a, b)));
  const comparison = compareVectors(vectors[0], vectors[1]);
  return {
    provider: provider.id,
    model: provider.model,
    inputType: provider.inputType,
    texts,
    comparison,
    matrix,
    norms: vectors.map((vector) => norm(vector)),
    reading: describeCosine(comparison.cosine),
    billedTokens,
    requests,
    warnings,
  };
}

export function checkTexts(texts: readonly string[]): void {
  if (texts.length < 2) {
    throw new SimilarityInputError('Give at least two texts to compare.');
  }
  const blank = texts.findIndex((text) => text.trim() === '');
  if (blank >= 0) {
    throw new SimilarityInputError(
      `Text ${blank + 1} is empty or only whitespace; an empty text has no meaning to compare.`,
    );
  }
}

interface EmbeddedTexts {
  readonly vectors: (readonly number[])[];
  readonly billedTokens: number | undefined;
  readonly requests: number;
}

/** Vectors for `texts` in order: cached ones reused, the rest fetched in as few requests as fit. */
async function embedAll(
  provider: EmbeddingProvider,
  texts: readonly string[],
  { cache, signal }: CompareOptions,
): Promise<EmbeddedTexts> {
  const found = new Map<string, readonly number[]>();
  for (const text of texts) {
    const vector = cache?.get(provider.cacheScope, text);
    if (vector !== undefined) {
      found.set(text, vector);
    }
  }

  const missing = [...new Set(texts)].filter((text) => !found.has(text));
  let billedTokens: number | undefined = missing.length === 0 ? 0 : undefined;
  let requests = 0;
  for (let start = 0; start < missing.length; start += provider.maxTextsPerRequest) {
    const batch = missing.slice(start, start + provider.maxTextsPerRequest);
    const result = await provider.embed(batch, { signal });
    requests++;
    if (result.billedTokens !== undefined) {
      billedTokens = (billedTokens ?? 0) + result.billedTokens;
    }
    batch.forEach((text, i) => {
      found.set(text, result.vectors[i]);
      cache?.set(provider.cacheScope, text, result.vectors[i]);
    });
  }

  const vectors = texts.map((text) => found.get(text) as readonly number[]);
  return { vectors, billedTokens, requests };
}

/**
 * Warns about texts longer than the model reads. Cohere cuts them at the end (we send
 * truncate=END); OpenAI's own models reject them. Known limitation: Cohere's tokenizer is not
 * public, so its count is estimated with cl100k_base and may differ by a few tenths.
 */
function lengthWarnings(provider: EmbeddingProvider, texts: readonly string[]): string[] {
  const model = findEmbeddingModel(provider.id, provider.model);
  if (model === undefined) {
    return [];
  }

  const warnings: string[] = [];
  texts.forEach((text, i) => {
    // A text of at most maxTokens UTF-8 bytes cannot exceed maxTokens tokens: skip counting.
    if (Buffer.byteLength(text, 'utf8') <= model.maxTokens) {
      return;
    }
    const tokens = getTokenizer('cl100k_base').count(text);
    if (tokens <= model.maxTokens) {
      return;
    }
    const effect =
      provider.id === 'cohere'
        ? 'Cohere truncated it at the end, so the score covers only its beginning.'
        : 'It was not truncated; the server may reject it.';
    const about = provider.id === 'cohere' ? 'about ' : '';
    warnings.push(
      `Text ${i + 1} is ${about}${tokens} tokens, more than the ${model.maxTokens} that ` +
        `${model.id} reads. ${effect}`,
    );
  });
  return warnings;
}
