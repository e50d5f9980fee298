import * as vscode from 'vscode';
import { breakdown, type TokenBreakdown } from '../core/tokens/textStats';
import { breakdownLine } from './format';
import { countedText } from './selectionText';
import type { Services } from './services';
import { readTokenSettings } from './settings';
import { CountCancelledError, type TokenCounter } from './tokenCounter';

/** Above this many UTF-16 units the count runs behind a cancellable progress notification. */
const PROGRESS_THRESHOLD = 1_000_000;

export interface CountResult extends TokenBreakdown {
  readonly scope: 'selection' | 'document';
  readonly encoding: string;
  readonly model: string | undefined;
  readonly summary: string;
}

/**
 * "LLM Scope: Count Tokens in Selection": the full breakdown of the selection (or the document
 * when nothing is selected) in a notification with a copy action. Returns the result so other
 * commands and tests can use it.
 */
export function activateCountCommand(services: Services, counter: TokenCounter): void {
  services.context.subscriptions.push(
    vscode.commands.registerCommand('llmScope.countTokens', () => runCount(services, counter)),
  );
}

async function runCount(
  services: Services,
  counter: TokenCounter,
): Promise<CountResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    void vscode.window.showWarningMessage('LLM Scope: open a text editor to count its tokens.');
    return undefined;
  }

  const settings = readTokenSettings();
  const counted = countedText(editor);
  const size = counted.texts.reduce((sum, text) => sum + text.length, 0);
  const count = (token?: vscode.CancellationToken): Promise<number> =>
    counter.count(counted.texts, settings.target.encoding, token);

  let tokens: number;
  try {
    tokens =
      size < PROGRESS_THRESHOLD
        ? await count()
        : await vscode.window.withProgress(
            {
              location: vscode.ProgressLocation.Notification,
              title: 'LLM Scope: counting tokens…',
              cancellable: true,
            },
            (_progress, token) => count(token),
          );
  } catch (error) {
    if (error instanceof CountCancelledError) {
      return undefined;
    }
    services.log.error('Count command failed:', error);
    void vscode.window.showErrorMessage('LLM Scope could not count the tokens; see its log.');
    return undefined;
  }

  const text = counted.texts.join('');
  const stats = breakdown(text, tokens, settings.target);
  const scope = counted.scope === 'selection' ? 'Selection' : 'Document';
  const summary = breakdownLine(scope, stats, settings.target);
  services.log.info(summary);

  void vscode.window.showInformationMessage(summary, 'Copy').then(async (choice) => {
    if (choice === 'Copy') {
      await vscode.env.clipboard.writeText(summary);
    }
  });

  return {
    ...stats,
    scope: counted.scope,
    encoding: settings.target.encoding,
    model: settings.target.model?.id,
    summary,
  };
}
