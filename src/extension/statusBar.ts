import * as vscode from 'vscode';
import { describeTarget } from '../core/tokens/models';
import { formatCount, formatShare, formatWindow } from './format';
import { countedRanges } from './selectionText';
import type { Services } from './services';
import { affectsTokenSettings, readTokenSettings } from './settings';
import { CountCancelledError, type DocumentCount, type TokenCounter } from './tokenCounter';

/** Below this a count finishes before a person could read a spinner, so none is shown. */
const SPINNER_DELAY_MS = 60;

export interface StatusBarState {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
}

/** What tests and other features may ask of the token status bar item. */
export interface TokenStatusBar {
  state(): StatusBarState;
  /** Resolves once no update is scheduled or running. */
  settled(): Promise<void>;
}

export function activateStatusBar(services: Services, counter: TokenCounter): TokenStatusBar {
  const item = vscode.window.createStatusBarItem(
    'llmScope.tokens',
    vscode.StatusBarAlignment.Right,
    100,
  );
  item.name = 'LLM Scope: Token Count';
  item.command = 'llmScope.selectTokenizer';

  // The API cannot tell whether an item is shown, and tests need to know.
  let visible = false;
  const show = (): void => {
    item.show();
    visible = true;
  };
  const hide = (): void => {
    item.hide();
    visible = false;
  };

  let settings = readTokenSettings();
  let timer: NodeJS.Timeout | undefined;
  let running: vscode.CancellationTokenSource | undefined;
  let idle: Promise<void> = Promise.resolve();
  let markIdle: (() => void) | undefined;

  const busy = (): void => {
    if (markIdle === undefined) {
      idle = new Promise((resolve) => (markIdle = resolve));
    }
  };
  const done = (): void => {
    if (timer === undefined && running === undefined) {
      markIdle?.();
      markIdle = undefined;
    }
  };

  const schedule = (delayMs = settings.debounceMs): void => {
    busy();
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void update();
    }, delayMs);
  };

  const update = async (): Promise<void> => {
    running?.cancel();
    const source = new vscode.CancellationTokenSource();
    running = source;

    try {
      await render(source.token);
    } catch (error) {
      if (!(error instanceof CountCancelledError)) {
        services.log.error('Token count failed:', error);
        // Shown, not hidden: a missing item would read as "nothing to count".
        item.text = '$(error) Tokens: error';
        const reason = error instanceof Error ? `${error.message}\n` : '';
        item.tooltip = `Counting tokens failed. ${reason}See the LLM Scope output channel.`;
        show();
      }
    } finally {
      source.dispose();
      if (running === source) {
        running = undefined;
      }
      done();
    }
  };

  const render = async (cancellation: vscode.CancellationToken): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined || !settings.statusBarEnabled) {
      hide();
      return;
    }

    const counted = countedRanges(editor);
    if (counted.length > settings.maxLiveCountBytes) {
      item.text = `$(symbol-number) Too large to count live (${counted.scope})`;
      item.tooltip = 'Run "LLM Scope: Count Tokens in Selection" to count it on demand.';
      show();
      return;
    }

    // Never leave the previous number up while this one is counted.
    const spinner = setTimeout(() => {
      item.text = `$(sync~spin) Counting tokens (${counted.scope})…`;
      item.tooltip = undefined;
    }, SPINNER_DELAY_MS);
    let result: DocumentCount;
    try {
      result = await counter.countDocument(editor.document, counted.documentLength,
        counted.ranges, settings.target.encoding, cancellation);
    } finally {
      clearTimeout(spinner);
    }
    if (cancellation.isCancellationRequested) {
      return;
    }

    const target = settings.target;
    const { tokens, characters } = result;
    const unit = tokens === 1 ? 'token' : 'tokens';
    item.text = `$(symbol-number) ${formatCount(tokens)} ${unit} (${counted.scope})`;

    const lines = [
      `Tokenizer: ${describeTarget(target)}`,
      `Characters: ${formatCount(characters)}`,
    ];
    if (counted.ranges !== undefined && counted.ranges.length > 1) {
      lines.push(`Selections: ${counted.ranges.length}`);
    }
    if (target.model !== undefined) {
      const window = formatWindow(target.model.contextWindow);
      const share = formatShare(tokens / target.model.contextWindow);
      lines.push(`Context window: ${share} of ${window}`);
    }
    if (!settings.valid) {
      lines.push(`Unknown tokenizer "${settings.tokenizerName}"; using ${target.encoding}.`);
    }
    lines.push('Click to choose the model or encoding.');
    item.tooltip = lines.join('\n');
    show();
  };

  services.context.subscriptions.push(
    item,
    { dispose: () => clearTimeout(timer) },
    { dispose: () => running?.cancel() },
    vscode.window.onDidChangeActiveTextEditor(() => {
      // The previous editor's count must not stay up while the new one is counted.
      hide();
      schedule(0);
    }),
    vscode.window.onDidChangeTextEditorSelection(() => schedule()),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) {
        schedule();
      }
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsTokenSettings(event)) {
        settings = readTokenSettings();
        schedule(0);
      }
    }),
  );
  schedule(0);

  return {
    state: () => ({
      visible,
      text: item.text,
      tooltip: typeof item.tooltip === 'string' ? item.tooltip : '',
    }),
    settled: () => idle,
  };
}
