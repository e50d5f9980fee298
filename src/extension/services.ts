import * as vscode from 'vscode';

/**
 * What every feature receives from `activate`: the extension context (whose subscriptions
 * collect each feature's cleanups) and the one output channel all logging goes to.
 */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
}
