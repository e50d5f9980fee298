import * as vscode from 'vscode';
import type { CohereInputType } from '../core/embeddings/cohereProvider';
import {
  DEFAULT_COHERE_INPUT_TYPE,
  DEFAULT_TIMEOUT_MS,
  isCohereInputType,
} from '../core/embeddings/createProvider';
import { DEFAULT_COHERE_MODEL } from '../core/embeddings/models';
import type { ProviderId } from '../core/embeddings/provider';
import { SECTION } from './settings';

export interface EmbeddingSettings {
  readonly provider: ProviderId;
  readonly model: string;
  readonly inputType: CohereInputType;
  readonly dimensions: number | undefined;
  readonly baseUrl: string | undefined;
  readonly timeoutMs: number;
}

/** The `llmScope.embeddings.*` settings of the chosen provider. */
export function readEmbeddingSettings(): EmbeddingSettings {
  const config = vscode.workspace.getConfiguration(`${SECTION}.embeddings`);
  const provider = config.get<string>('provider') === 'openai' ? 'openai' : 'cohere';
  const timeoutSeconds = config.get<number>('timeoutSeconds', DEFAULT_TIMEOUT_MS / 1000);
  const timeoutMs = Number.isFinite(timeoutSeconds)
    ? Math.min(600, Math.max(1, timeoutSeconds)) * 1000
    : DEFAULT_TIMEOUT_MS;

  if (provider === 'cohere') {
    const inputType = config.get<string>('cohere.inputType', DEFAULT_COHERE_INPUT_TYPE);
    return {
      provider,
      model: config.get<string>('cohere.model', DEFAULT_COHERE_MODEL) || DEFAULT_COHERE_MODEL,
      inputType: isCohereInputType(inputType) ? inputType : DEFAULT_COHERE_INPUT_TYPE,
      dimensions: positive(config.get<number | null>('cohere.outputDimension')),
      baseUrl: config.get<string>('cohere.baseUrl')?.trim() || undefined,
      timeoutMs,
    };
  }
  return {
    provider,
    model: config.get<string>('openai.model', '').trim(),
    inputType: DEFAULT_COHERE_INPUT_TYPE,
    dimensions: positive(config.get<number | null>('openai.dimensions')),
    baseUrl: config.get<string>('openai.baseUrl', '').trim(),
    timeoutMs,
  };
}

function positive(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
