import { parseArgs } from 'node:util';
import {
  COHERE_INPUT_TYPES,
  createProvider,
  DEFAULT_COHERE_INPUT_TYPE,
  DEFAULT_TIMEOUT_MS,
  isCohereInputType,
} from '../core/embeddings/createProvider';
import { DEFAULT_COHERE_MODEL } from '../core/embeddings/models';
import { EmbeddingError, PROVIDER_NAMES, type ProviderId } from '../core/embeddings/provider';
import type { SimilarityResult } from '../core/embeddings/result';
import { compareTexts, SimilarityInputError } from '../core/embeddings/similarity';
import { type CliIo, EXIT_PROVIDER, UsageError } from './errors';
import { decodeText, readInput } from './textInput';

export const SIMILARITY_USAGE = `\
Usage: llm-scope similarity [--provider cohere|openai] [--model M] [--base-url URL] \
[--input-type T] [--json] TEXT_A TEXT_B
       llm-scope similarity [options] --file-a FILE --file-b FILE
Embeds two texts and prints their cosine similarity, dot product and Euclidean distance.
Keys come from CO_API_KEY (Cohere) or OPENAI_API_KEY (optional for local servers).
Cohere: default model ${DEFAULT_COHERE_MODEL}; input types ${COHERE_INPUT_TYPES.join(', ')} \
(default ${DEFAULT_COHERE_INPUT_TYPE}).
OpenAI-compatible: --base-url (or OPENAI_BASE_URL) is required, e.g. http://127.0.0.1:11434/v1.`;

const DEFAULT_OPENAI_MODEL = 'text-embedding-3-small';

const KEY_HINTS: Record<ProviderId, string> = {
  cohere: 'Set the CO_API_KEY environment variable to a valid Cohere key.',
  openai: 'Set the OPENAI_API_KEY environment variable to a valid key for the server.',
};

/** A provider failure: one line on stderr and exit code 3. */
class ProviderFailure extends Error {
  readonly exitCode = EXIT_PROVIDER;
}

export async function similarityCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      provider: { type: 'string', default: 'cohere' },
      model: { type: 'string' },
      'base-url': { type: 'string' },
      'input-type': { type: 'string' },
      json: { type: 'boolean', default: false },
      'file-a': { type: 'string' },
      'file-b': { type: 'string' },
    },
  });

  const provider = values.provider;
  if (provider !== 'cohere' && provider !== 'openai') {
    throw new UsageError(`Unknown provider "${provider}". Use cohere or openai.`);
  }
  const texts = await readTexts(positionals, values['file-a'], values['file-b']);
  const inputType = values['input-type'] ?? DEFAULT_COHERE_INPUT_TYPE;
  if (provider === 'openai' && values['input-type'] !== undefined) {
    throw new UsageError('--input-type applies to Cohere only.');
  }
  if (!isCohereInputType(inputType)) {
    throw new UsageError(
      `Unknown input type "${inputType}". Use one of ${COHERE_INPUT_TYPES.join(', ')}.`,
    );
  }
  const baseUrl =
    values['base-url'] ?? (provider === 'openai' ? process.env.OPENAI_BASE_URL : undefined);
  if (provider === 'openai' && (baseUrl === undefined || baseUrl === '')) {
    throw new UsageError(
      'Give the server with --base-url (e.g. http://127.0.0.1:11434/v1) or set OPENAI_BASE_URL.',
    );
  }

  const embedder = createProvider({
    provider,
    model: values.model ?? (provider === 'cohere' ? DEFAULT_COHERE_MODEL : DEFAULT_OPENAI_MODEL),
    inputType,
    dimensions: undefined,
    baseUrl,
    apiKey: provider === 'cohere' ? process.env.CO_API_KEY : process.env.OPENAI_API_KEY,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    keyHint: KEY_HINTS[provider],
  });

  let result: SimilarityResult;
  try {
    result = await compareTexts(embedder, texts);
  } catch (error) {
    if (error instanceof SimilarityInputError) {
      throw new UsageError(error.message);
    }
    if (error instanceof EmbeddingError) {
      throw new ProviderFailure(error.message);
    }
    throw error;
  }

  for (const warning of result.warnings) {
    io.stderr(`llm-scope: warning: ${warning}\n`);
  }
  io.stdout(values.json ? `${JSON.stringify(jsonSummary(result))}\n` : textSummary(result));
}

async function readTexts(
  positionals: string[],
  fileA: string | undefined,
  fileB: string | undefined,
): Promise<string[]> {
  if (fileA !== undefined || fileB !== undefined) {
    if (fileA === undefined || fileB === undefined || positionals.length > 0) {
      throw new UsageError('Give both --file-a and --file-b, and no texts beside them.');
    }
    return [
      decodeText(fileA, await readInput(fileA)),
      decodeText(fileB, await readInput(fileB)),
    ];
  }
  if (positionals.length !== 2) {
    throw new UsageError(
      `Give exactly two texts to compare (got ${positionals.length}), or --file-a and --file-b.`,
    );
  }
  return positionals;
}

function jsonSummary(result: SimilarityResult): Record<string, unknown> {
  const { dimensions, cosine, dot, euclidean } = result.comparison;
  return { provider: result.provider, model: result.model, dimensions, cosine, dot, euclidean };
}

function textSummary(result: SimilarityResult): string {
  const { comparison } = result;
  const provider = PROVIDER_NAMES[result.provider].replace(/^the /, '');
  const billed =
    result.billedTokens === undefined ? '' : `, ${result.billedTokens} input tokens billed`;
  const inputType = result.inputType === '' ? '' : ` (${result.inputType})`;
  return [
    `cosine similarity   ${comparison.cosine.toFixed(4)}  ${result.reading}`,
    `dot product         ${comparison.dot.toFixed(4)}`,
    `euclidean distance  ${comparison.euclidean.toFixed(4)}`,
    `dimensions          ${comparison.dimensions} (norms ${comparison.normA.toFixed(4)} and ` +
      `${comparison.normB.toFixed(4)})`,
    `model               ${provider}: ${result.model}${inputType}${billed}`,
    '',
  ].join('\n');
}
