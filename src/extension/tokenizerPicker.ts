import * as vscode from 'vscode';
import { ENCODING_DESCRIPTIONS, ENCODING_NAMES } from '../core/tokens/encodings';
import { MODELS, type ModelFamily } from '../core/tokens/models';
import { formatWindow } from './format';
import type { Services } from './services';
import { readTokenSettings, SECTION } from './settings';

const FAMILY_LABELS: Record<ModelFamily, string> = {
  chat: 'Chat models',
  reasoning: 'Reasoning models',
  'open-weights': 'Open-weight models',
  embedding: 'Embedding models',
  completion: 'Older completion models',
};

interface TokenizerItem extends vscode.QuickPickItem {
  readonly value?: string;
}

/**
 * "LLM Scope: Select Tokenizer": a Quick Pick of models (grouped by family) and encodings; the
 * choice is saved to the `llmScope.tokenizer` setting (globally, or in the workspace when the
 * workspace already overrides it, so the choice takes effect).
 */
export function activateTokenizerPicker(services: Services): void {
  services.context.subscriptions.push(
    vscode.commands.registerCommand('llmScope.selectTokenizer', pickTokenizer),
  );
}

async function pickTokenizer(): Promise<string | undefined> {
  const current = readTokenSettings().tokenizerName;
  const items: TokenizerItem[] = [];

  for (const family of Object.keys(FAMILY_LABELS) as ModelFamily[]) {
    items.push({ label: FAMILY_LABELS[family], kind: vscode.QuickPickItemKind.Separator });
    for (const model of MODELS.filter((candidate) => candidate.family === family)) {
      items.push({
        label: model.id,
        description: `${model.encoding} · ${formatWindow(model.contextWindow)} context`,
        value: model.id,
        picked: model.id === current,
      });
    }
  }
  items.push({ label: 'Encodings', kind: vscode.QuickPickItemKind.Separator });
  for (const encoding of ENCODING_NAMES) {
    items.push({ label: encoding, description: ENCODING_DESCRIPTIONS[encoding], value: encoding });
  }

  const choice = await vscode.window.showQuickPick(items, {
    title: 'LLM Scope: Tokenizer',
    placeHolder: `Current: ${current}. Choose the model or encoding to count tokens for`,
    matchOnDescription: true,
  });
  if (choice?.value === undefined) {
    return undefined;
  }

  const config = vscode.workspace.getConfiguration(SECTION);
  const inspected = config.inspect<string>('tokenizer');
  const target =
    inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await config.update('tokenizer', choice.value, target);
  return choice.value;
}
