import * as vscode from 'vscode';
import { EmbeddingCache } from '../core/embeddings/cache';
import { EmbeddingError } from '../core/embeddings/provider';
import { excerpt, toReport } from '../core/embeddings/report';
import type { SimilarityResult } from '../core/embeddings/result';
import { compareTexts, SimilarityInputError } from '../core/embeddings/similarity';
import { type ApiKeys, type KeyPrompt } from './apiKeys';
import { readEmbeddingSettings } from './embeddingSettings';
import type { Services } from './services';
import { SimilarityPanel, type SimilarityPanelState } from './similarityPanel';

const COMMAND = 'llmScope.compareEmbeddingSimilarity';

/** Hooks for integration tests on the LlmScopeApi. */
export interface SimilarityApi {
  lastResult(): SimilarityResult | undefined;
  /** The message of the last failed comparison, as the user saw it. */
  lastError(): string | undefined;
  lastKeyPrompt(): KeyPrompt | undefined;
  pinnedText(): string | undefined;
  panel(): SimilarityPanelState;
}

/**
 * "LLM Scope: Compare Embedding Similarity": two selections are compared; one is pinned or
 * compared with the clipboard; three or more give the similarity matrix.
 */
export function activateSimilarity(services: Services, keys: ApiKeys): SimilarityApi {
  const cache = new EmbeddingCache();
  const panel = new SimilarityPanel(services);
  const pin = createPinIndicator(services);
  let lastResult: SimilarityResult | undefined;
  let lastError: string | undefined;
  let comparisons = 0;

  const compare = async (texts: string[]): Promise<SimilarityResult | undefined> => {
    lastError = undefined;
    try {
      const result = await runComparison(texts, keys, cache);
      if (result === undefined) {
        return undefined;
      }
      lastResult = result;
      comparisons++;
      panel.show(toReport(result, `comparison-${comparisons}`, new Date()));
      services.log.info(
        `Compared ${texts.length} texts with ${result.provider} ${result.model}: cosine ` +
          `${result.comparison.cosine.toFixed(4)}, ${result.requests} request(s).`,
      );
      for (const warning of result.warnings) {
        void vscode.window.showWarningMessage(`LLM Scope: ${warning}`);
      }
      return result;
    } catch (error) {
      lastError = report(error, services, keys);
      return undefined;
    }
  };

  const command = async (): Promise<SimilarityResult | undefined> => {
    const editor = vscode.window.activeTextEditor;
    const selected =
      editor?.selections
        .filter((selection) => !selection.isEmpty)
        .map((selection) => editor.document.getText(selection)) ?? [];
    const pinned = pin.text();

    if (selected.length === 0) {
      void vscode.window.showInformationMessage(
        pinned === undefined
          ? 'LLM Scope: select two passages (hold Alt/Option to add a second selection), or ' +
              'one passage to pin or compare with the clipboard.'
          : 'LLM Scope: select a passage to compare with the pinned text.',
      );
      return undefined;
    }
    if (selected.length >= 2) {
      return compare(selected);
    }
    if (pinned !== undefined) {
      pin.clear();
      return compare([pinned, selected[0]]);
    }
    return offerSingleSelection(selected[0], pin, compare);
  };

  services.context.subscriptions.push(vscode.commands.registerCommand(COMMAND, command));

  return {
    lastResult: () => lastResult,
    lastError: () => lastError,
    lastKeyPrompt: () => keys.lastKeyPrompt(),
    pinnedText: () => pin.text(),
    panel: () => panel.state(),
  };
}

async function offerSingleSelection(
  text: string,
  pin: PinIndicator,
  compare: (texts: string[]) => Promise<SimilarityResult | undefined>,
): Promise<SimilarityResult | undefined> {
  const clipboard = await vscode.env.clipboard.readText();
  const items: (vscode.QuickPickItem & { action: 'pin' | 'clipboard' })[] = [
    {
      label: '$(pin) Pin as the first text',
      detail: 'Then select the second passage and run the command again.',
      action: 'pin',
    },
  ];
  if (clipboard.trim() !== '') {
    items.push({
      label: '$(clippy) Compare with the clipboard',
      detail: excerpt(clipboard),
      action: 'clipboard',
    });
  }
  const choice = await vscode.window.showQuickPick(items, {
    title: 'LLM Scope: Compare Embedding Similarity',
    placeHolder: 'One passage is selected. Pin it, or compare it with the clipboard?',
  });
  if (choice?.action === 'pin') {
    pin.set(text);
    return undefined;
  }
  return choice?.action === 'clipboard' ? compare([text, clipboard]) : undefined;
}

/** Embeds behind a cancellable progress notification; undefined when the user cancelled. */
async function runComparison(
  texts: string[],
  keys: ApiKeys,
  cache: EmbeddingCache,
): Promise<SimilarityResult | undefined> {
  const settings = readEmbeddingSettings();
  // The providers' reply validation loads zod; activation should not pay for it.
  const { createProvider } = await import('../core/embeddings/createProvider');
  const provider = createProvider({
    ...settings,
    apiKey: await keys.get(settings.provider),
    keyHint: keys.hint(settings.provider),
  });

  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `LLM Scope: embedding ${texts.length} texts with ${provider.model}…`,
      cancellable: true,
    },
    async (_progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await compareTexts(provider, texts, { cache, signal: controller.signal });
      } catch (error) {
        if (error instanceof EmbeddingError && error.kind === 'cancelled') {
          return undefined;
        }
        throw error;
      } finally {
        subscription.dispose();
      }
    },
  );
}

/** Shows one message for a failed comparison and returns it; offers a key when one is needed. */
function report(error: unknown, services: Services, keys: ApiKeys): string {
  if (error instanceof SimilarityInputError) {
    void vscode.window.showWarningMessage(`LLM Scope: ${error.message}`);
    return error.message;
  }
  if (error instanceof EmbeddingError) {
    services.log.warn(`Embedding request failed (${error.kind}): ${error.message}`);
    if (error.kind === 'missing-key' || error.kind === 'auth') {
      void keys.offerToSet(error.provider, `LLM Scope: ${error.message}`);
    } else {
      void vscode.window.showErrorMessage(`LLM Scope: ${error.message}`);
    }
    return error.message;
  }
  services.log.error('Similarity comparison failed:', error);
  const message = 'The comparison failed unexpectedly; see the LLM Scope log.';
  void vscode.window.showErrorMessage(`LLM Scope: ${message}`);
  return message;
}

interface PinIndicator {
  text(): string | undefined;
  set(text: string): void;
  clear(): void;
}

/**
 * The pinned first text, shown in the status bar until it is compared.
 * Known limitation: there is no way to unpin without comparing; pinning another text needs a
 * comparison (or a window reload) first.
 */
function createPinIndicator(services: Services): PinIndicator {
  const item = vscode.window.createStatusBarItem(
    'llmScope.similarityPin',
    vscode.StatusBarAlignment.Right,
    99,
  );
  item.name = 'LLM Scope: Pinned Text';
  item.command = COMMAND;
  services.context.subscriptions.push(item);
  let pinned: string | undefined;

  return {
    text: () => pinned,
    set: (text) => {
      pinned = text;
      item.text = '$(pin) Similarity: 1 text pinned';
      item.tooltip = `Pinned: "${excerpt(text)}"\nSelect a second passage and click to compare.`;
      item.show();
    },
    clear: () => {
      pinned = undefined;
      item.hide();
    },
  };
}
