import * as z from 'zod';
import { EmbeddingError, PROVIDER_NAMES, type ProviderId, sentence } from './provider';

// zod 4 numbers reject NaN and ±Infinity, which is what an embedding must never hold.
const vectorSchema = z.array(z.number()).min(1);
const vectorsSchema = z.array(vectorSchema);

/**
 * Checks a provider's vectors before any arithmetic: an array of `expectedCount` vectors of
 * finite numbers, all of one length. Anything else becomes an error naming the provider.
 */
export function validateVectors(
  provider: ProviderId,
  vectors: unknown,
  expectedCount: number,
): number[][] {
  const fail = (problem: string): EmbeddingError => validationFailure(provider, problem);

  if (!Array.isArray(vectors)) {
    throw noEmbeddingsError(provider);
  }
  if (vectors.some((vector) => typeof vector === 'string')) {
    throw fail(
      'sent base64-encoded embeddings although floats were asked for. The server ignores ' +
        '"encoding_format"; update it or use another server.',
    );
  }

  const parsed = vectorsSchema.safeParse(vectors);
  if (!parsed.success) {
    throw fail(
      'sent an embedding that is not a list of finite numbers (it holds NaN, infinity or ' +
        'another value). The model or server is faulty; try again or use another model.',
    );
  }
  if (parsed.data.length !== expectedCount) {
    throw fail(
      `sent ${parsed.data.length} embeddings for ${expectedCount} texts. ` +
        'The server does not follow the embeddings API; try again or use another server.',
    );
  }

  const lengths = new Set(parsed.data.map((vector) => vector.length));
  if (lengths.size > 1) {
    throw fail(
      `sent embeddings of different lengths (${[...lengths].join(', ')}), which cannot be ` +
        'compared. The server is faulty; try again or use another server.',
    );
  }
  // Cosine similarity needs a direction, and a vector of zeros has none.
  const zero = parsed.data.findIndex((vector) => vector.every((value) => value === 0));
  if (zero >= 0) {
    throw fail(
      `sent an embedding of all zeros for text ${zero + 1}, which has no direction to compare. ` +
        'The model may not handle this text; try another model.',
    );
  }
  return parsed.data;
}

/** A successful status whose body is JSON of some other shape. */
export function noEmbeddingsError(provider: ProviderId): EmbeddingError {
  return validationFailure(
    provider,
    'replied without embeddings (the reply was not the embeddings API\'s JSON; a proxy or ' +
      'login page may have answered). Check the base URL and any proxy, then try again.',
  );
}

/**
 * What to say about a 200 reply whose body was not JSON: Python servers write NaN literally
 * (which JSON cannot hold); anything else is usually an HTML page from a proxy.
 */
export function nonJsonReplyError(provider: ProviderId, body: string): EmbeddingError {
  if (/(?:^|[[,\s:])-?(?:NaN|Infinity)\b/.test(body)) {
    return validationFailure(
      provider,
      'sent an embedding holding NaN or infinity. The model or server is faulty; try again ' +
        'or use another model.',
    );
  }
  const looksHtml = /^\s*</.test(body);
  return validationFailure(
    provider,
    `answered with ${looksHtml ? 'an HTML page' : 'text'} instead of embeddings (a proxy, ` +
      'captive portal or wrong base URL may have answered). Check the base URL and any proxy, ' +
      'then try again.',
  );
}

function validationFailure(provider: ProviderId, problem: string): EmbeddingError {
  return new EmbeddingError(
    provider,
    'invalid-response',
    `${sentence(PROVIDER_NAMES[provider])} ${problem}`,
  );
}
