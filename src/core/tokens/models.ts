import { DEFAULT_ENCODING, type EncodingName, isEncodingName } from './encodings';

export type ModelFamily = 'chat' | 'reasoning' | 'embedding' | 'completion' | 'open-weights';

export interface ModelInfo {
  readonly id: string;
  readonly family: ModelFamily;
  readonly encoding: EncodingName;
  /** Total context window in tokens (prompt plus output), as the model's documentation states. */
  readonly contextWindow: number;
}

/**
 * OpenAI models and the encoding of each. Context windows are the published totals; a model
 * whose output budget is part of that total (the reasoning models) still shows the total.
 * Known limitation: gpt-oss uses o200k_harmony, which differs from o200k_base only in special
 * tokens; since special-token text is counted as ordinary text, o200k_base counts are exact.
 */
export const MODELS: readonly ModelInfo[] = [
  { id: 'gpt-5', family: 'chat', encoding: 'o200k_base', contextWindow: 400_000 },
  { id: 'gpt-5-mini', family: 'chat', encoding: 'o200k_base', contextWindow: 400_000 },
  { id: 'gpt-5-nano', family: 'chat', encoding: 'o200k_base', contextWindow: 400_000 },
  { id: 'gpt-4.1', family: 'chat', encoding: 'o200k_base', contextWindow: 1_047_576 },
  { id: 'gpt-4.1-mini', family: 'chat', encoding: 'o200k_base', contextWindow: 1_047_576 },
  { id: 'gpt-4.1-nano', family: 'chat', encoding: 'o200k_base', contextWindow: 1_047_576 },
  { id: 'gpt-4o', family: 'chat', encoding: 'o200k_base', contextWindow: 128_000 },
  { id: 'gpt-4o-mini', family: 'chat', encoding: 'o200k_base', contextWindow: 128_000 },
  { id: 'o4-mini', family: 'reasoning', encoding: 'o200k_base', contextWindow: 200_000 },
  { id: 'o3', family: 'reasoning', encoding: 'o200k_base', contextWindow: 200_000 },
  { id: 'o3-mini', family: 'reasoning', encoding: 'o200k_base', contextWindow: 200_000 },
  { id: 'o1', family: 'reasoning', encoding: 'o200k_base', contextWindow: 200_000 },
  { id: 'gpt-oss-120b', family: 'open-weights', encoding: 'o200k_base', contextWindow: 131_072 },
  { id: 'gpt-oss-20b', family: 'open-weights', encoding: 'o200k_base', contextWindow: 131_072 },
  { id: 'gpt-4-turbo', family: 'chat', encoding: 'cl100k_base', contextWindow: 128_000 },
  { id: 'gpt-4', family: 'chat', encoding: 'cl100k_base', contextWindow: 8_192 },
  { id: 'gpt-4-32k', family: 'chat', encoding: 'cl100k_base', contextWindow: 32_768 },
  { id: 'gpt-3.5-turbo', family: 'chat', encoding: 'cl100k_base', contextWindow: 16_385 },
  {
    id: 'text-embedding-3-large',
    family: 'embedding',
    encoding: 'cl100k_base',
    contextWindow: 8_191,
  },
  {
    id: 'text-embedding-3-small',
    family: 'embedding',
    encoding: 'cl100k_base',
    contextWindow: 8_191,
  },
  {
    id: 'text-embedding-ada-002',
    family: 'embedding',
    encoding: 'cl100k_base',
    contextWindow: 8_191,
  },
  { id: 'davinci-002', family: 'completion', encoding: 'cl100k_base', contextWindow: 16_384 },
  { id: 'babbage-002', family: 'completion', encoding: 'cl100k_base', contextWindow: 16_384 },
  { id: 'text-davinci-003', family: 'completion', encoding: 'p50k_base', contextWindow: 4_097 },
  { id: 'text-davinci-002', family: 'completion', encoding: 'p50k_base', contextWindow: 4_097 },
  { id: 'code-davinci-002', family: 'completion', encoding: 'p50k_base', contextWindow: 8_001 },
  { id: 'davinci', family: 'completion', encoding: 'r50k_base', contextWindow: 2_049 },
  { id: 'gpt2', family: 'completion', encoding: 'r50k_base', contextWindow: 1_024 },
];

/** What a `llmScope.tokenizer` value resolves to. */
export interface TokenizerTarget {
  readonly encoding: EncodingName;
  /** Undefined when the user named an encoding rather than a model. */
  readonly model: ModelInfo | undefined;
}

/**
 * Resolves a model name or an encoding name. Dated snapshots resolve to their base model
 * ("gpt-4o-2024-08-06" → gpt-4o): the longest model id that the name starts with, followed
 * by "-". Returns undefined for names that are neither.
 */
export function resolveTokenizerTarget(name: string): TokenizerTarget | undefined {
  const wanted = name.trim().toLowerCase();
  if (isEncodingName(wanted)) {
    return { encoding: wanted, model: undefined };
  }

  let best: ModelInfo | undefined;
  for (const model of MODELS) {
    const matches = wanted === model.id || wanted.startsWith(`${model.id}-`);
    if (matches && (best === undefined || model.id.length > best.id.length)) {
      best = model;
    }
  }
  return best === undefined ? undefined : { encoding: best.encoding, model: best };
}

export const DEFAULT_TARGET: TokenizerTarget = { encoding: DEFAULT_ENCODING, model: undefined };

/** "gpt-4o (o200k_base)" or "o200k_base". */
export function describeTarget(target: TokenizerTarget): string {
  return target.model === undefined
    ? target.encoding
    : `${target.model.id} (${target.encoding})`;
}
