import * as vscode from 'vscode';
import type { LlmScopeApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'llm-scope.llm-scope';

export async function activateExtension(): Promise<LlmScopeApi> {
  const extension = vscode.extensions.getExtension<LlmScopeApi>(EXTENSION_ID);
  if (extension === undefined) {
    throw new Error(`${EXTENSION_ID} is not installed in this editor`);
  }
  return extension.activate();
}

/**
 * Waits until `read()` returns a value `accept` takes, and fails with the last value seen.
 * Editor events reach the extension host asynchronously, so a test cannot know when the status
 * bar has seen a change; it waits for the value a user would see instead.
 */
export async function waitFor<T>(
  read: () => T,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!accept(value)) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = read();
  }
  return value;
}

export async function openText(content: string, language = 'plaintext'):
  Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ content, language });
  return vscode.window.showTextDocument(document);
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace
    .getConfiguration('llmScope')
    .update(key, value, vscode.ConfigurationTarget.Global);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
