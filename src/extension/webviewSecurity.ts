import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
// Types only: scripts/preview-scaling-webview.mjs renders the calculator page outside VS Code.
import type * as vscode from 'vscode';

/**
 * What every LLM Scope webview shares: scripts on, and local resources only from the folders
 * that hold our own scripts and styles.
 */
export function lockedDownOptions(
  extensionUri: vscode.Uri,
): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [
      extensionUri.with({ path: posix.join(extensionUri.path, 'media') }),
      extensionUri.with({ path: posix.join(extensionUri.path, 'dist', 'media') }),
    ],
  };
}

/** A fresh nonce for each page load: only the script tag carrying it may run. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The page's Content-Security-Policy: nothing by default, styles (and, when asked, images and
 * fonts) from the webview's own origin, and scripts only with the nonce.
 */
export function contentSecurityPolicy(
  cspSource: string,
  nonce: string,
  extra: { readonly imagesAndFonts?: boolean } = {},
): string {
  const rules = ["default-src 'none'", `style-src ${cspSource}`];
  if (extra.imagesAndFonts === true) {
    rules.push(`img-src ${cspSource} data:`, `font-src ${cspSource}`);
  }
  rules.push(`script-src 'nonce-${nonce}'`);
  return rules.join('; ');
}
