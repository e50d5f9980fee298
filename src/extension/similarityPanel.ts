import * as vscode from 'vscode';
import { reportMarkdown, type SimilarityReport } from '../core/embeddings/report';
import type { Services } from './services';
import { contentSecurityPolicy, lockedDownOptions, newNonce } from './webviewSecurity';

const VIEW_TYPE = 'llmScope.similarity';

/** Earlier comparisons kept below the latest one; older ones drop off. */
export const HISTORY_LIMIT = 20;

/**
 * The message schemas pull in zod, which takes tens of milliseconds to load: they are loaded
 * when the view first talks, not when the extension activates.
 */
const protocol = (): Promise<typeof import('./similarityProtocol')> =>
  import('./similarityProtocol');

/** What tests may ask of the results view. */
export interface SimilarityPanelState {
  readonly open: boolean;
  /** Newest first, as the view lists them. */
  readonly reports: readonly SimilarityReport[];
}

/**
 * The one results view: the latest comparison with the session's earlier ones below it. It
 * survives a window reload through a serializer and the webview's saved state.
 */
export class SimilarityPanel {
  private panel: vscode.WebviewPanel | undefined;
  private reports: SimilarityReport[] = [];

  constructor(private readonly services: Services) {
    services.context.subscriptions.push(
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const saved = (await protocol()).savedStateSchema.safeParse(state);
          if (saved.success && this.reports.length === 0) {
            this.reports = saved.data.reports as SimilarityReport[];
          }
          this.attach(panel);
        },
      }),
      { dispose: () => this.panel?.dispose() },
    );
  }

  show(report: SimilarityReport): void {
    this.reports = [report, ...this.reports].slice(0, HISTORY_LIMIT);
    if (this.panel === undefined) {
      const panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        'Embedding Similarity',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        lockedDownOptions(this.services.context.extensionUri),
      );
      this.attach(panel);
    } else {
      this.panel.reveal(undefined, true);
      this.post();
    }
  }

  state(): SimilarityPanelState {
    return { open: this.panel !== undefined, reports: this.reports };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = lockedDownOptions(this.services.context.extensionUri);
    panel.webview.html = this.html(panel.webview);
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidDispose(() => {
        this.panel = undefined;
        subscriptions.forEach((subscription) => subscription.dispose());
      }),
    ];
  }

  private async receive(message: unknown): Promise<void> {
    const parsed = (await protocol()).incomingSchema.safeParse(message);
    if (!parsed.success) {
      this.services.log.warn('Ignored a malformed message from the similarity view.');
      return;
    }
    if (parsed.data.type === 'ready') {
      this.post();
      return;
    }
    const { id } = parsed.data;
    const report = this.reports.find((candidate) => candidate.id === id);
    if (report !== undefined) {
      void vscode.env.clipboard.writeText(reportMarkdown(report)).then(() => {
        void vscode.window.showInformationMessage('LLM Scope: comparison copied as Markdown.');
      });
    }
  }

  private post(): void {
    void this.panel?.webview.postMessage({ type: 'reports', reports: this.reports });
  }

  private html(webview: vscode.Webview): string {
    // A fresh nonce per page: only our own script, never an injected one, may run.
    const nonce = newNonce();
    const root = this.services.context.extensionUri;
    const asset = (...path: string[]): string =>
      webview.asWebviewUri(vscode.Uri.joinPath(root, ...path)).toString();
    const script = asset('dist', 'media', 'similarity.js');
    const style = asset('media', 'similarity', 'similarity.css');
    const csp = contentSecurityPolicy(webview.cspSource, nonce);
    return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${style}">
  <title>Embedding Similarity</title>
</head>
<body>
  <main id="app" aria-live="polite">
    <p>Run <strong>LLM Scope: Compare Embedding Similarity</strong> on two selections.</p>
  </main>
  <script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }
}
