import * as vscode from 'vscode';
import {
  DEFAULT_TARGET,
  resolveTokenizerTarget,
  type TokenizerTarget,
} from '../core/tokens/models';

export const SECTION = 'llmScope';

export interface TokenSettings {
  readonly target: TokenizerTarget;
  /** The raw setting, kept to name it in messages when it is invalid. */
  readonly tokenizerName: string;
  readonly valid: boolean;
  readonly statusBarEnabled: boolean;
  readonly debounceMs: number;
  readonly maxLiveCountBytes: number;
}

export function readTokenSettings(): TokenSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const tokenizerName = config.get<string>('tokenizer', 'gpt-4o');
  const target = resolveTokenizerTarget(tokenizerName);

  return {
    target: target ?? DEFAULT_TARGET,
    tokenizerName,
    valid: target !== undefined,
    statusBarEnabled: config.get<boolean>('statusBar.enabled', true),
    debounceMs: clamp(config.get<number>('statusBar.debounceMs', 150), 0, 5000),
    maxLiveCountBytes: clamp(config.get<number>('statusBar.maxLiveCountMB', 50), 0, 2048) * 1e6,
  };
}

export function affectsTokenSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return (
    event.affectsConfiguration(`${SECTION}.tokenizer`) ||
    event.affectsConfiguration(`${SECTION}.statusBar`)
  );
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
