import * as vscode from 'vscode';
import { activateApiKeys } from './apiKeys';
import { activateCountCommand } from './countCommand';
import { activateScalingPanel, type ScalingCalculatorHooks } from './scalingPanel';
import type { Services } from './services';
import { activateSimilarity, type SimilarityApi } from './similarityCommand';
import { activateStatusBar, type TokenStatusBar } from './statusBar';
import { WorkerTokenCounter } from './workerTokenCounter';
import { activateTokenizerPicker } from './tokenizerPicker';

/** What `activate` returns: used by the integration tests to read the status bar. */
export interface LlmScopeApi {
  readonly statusBar: TokenStatusBar;
  readonly activationMs: number;
  readonly scaling: ScalingCalculatorHooks;
  readonly similarity: SimilarityApi;
}

export function activate(context: vscode.ExtensionContext): LlmScopeApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('LLM Scope', { log: true });
  const services: Services = { context, log };
  context.subscriptions.push(log);

  // The worker bundle sits beside this one; without it the counter counts in process.
  const counter = new WorkerTokenCounter(context.asAbsolutePath('dist/tokenWorker.js'), log);
  context.subscriptions.push(
    counter,
    // The worker mirrors the documents it counts: it follows their edits instead of copies.
    vscode.workspace.onDidChangeTextDocument((event) => counter.documentChanged(event)),
    vscode.workspace.onDidCloseTextDocument((document) => counter.documentClosed(document)),
  );

  const statusBar = activateStatusBar(services, counter);
  activateCountCommand(services, counter);
  activateTokenizerPicker(services);
  const scaling = activateScalingPanel(services);
  const similarity = activateSimilarity(services, activateApiKeys(services));
  context.subscriptions.push(
    vscode.commands.registerCommand('llmScope.showLog', () => log.show()),
  );

  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
  return { statusBar, activationMs, scaling, similarity };
}

export function deactivate(): void {}
