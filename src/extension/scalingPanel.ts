import * as vscode from 'vscode';
import {
  calculate,
  type CalculatorInputs,
  DEFAULT_INPUTS,
  resultToMarkdown,
} from '../core/scaling/calculator';
import { findAccelerator } from '../core/scaling/hardware';
import { scalingPageHtml } from './scalingHtml';
import type { PanelMessage, RenderedCalculation } from './scalingProtocol';
import type { Services } from './services';
import { SECTION } from './settings';
import { lockedDownOptions, newNonce } from './webviewSecurity';

const VIEW_TYPE = 'llmScope.scalingCalculator';
const TITLE = 'Scaling-Law Calculator';

/** What integration tests may ask of the calculator panel. */
export interface ScalingCalculatorHooks {
  isOpen(): boolean;
  /** What the webview reported after its last render, once it has rendered. */
  lastRendered(): RenderedCalculation | undefined;
  /** Replaces the inputs as if typed; resolves with the render that follows. */
  setInputs(inputs: Partial<CalculatorInputs>): Promise<RenderedCalculation>;
}

export function activateScalingPanel(services: Services): ScalingCalculatorHooks {
  services.context.subscriptions.push(
    vscode.commands.registerCommand('llmScope.openScalingCalculator', () =>
      ScalingPanel.createOrShow(services),
    ),
    // Brings the panel back, with the state its webview saved, after a reload.
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel): Promise<void> => {
        ScalingPanel.revive(panel, services);
      },
    }),
  );

  return {
    isOpen: () => ScalingPanel.current !== undefined,
    lastRendered: () => ScalingPanel.current?.lastRendered,
    setInputs: (inputs) => {
      const panel = ScalingPanel.current;
      if (panel === undefined) {
        return Promise.reject(new Error('The scaling calculator is not open.'));
      }
      return panel.setInputs(inputs);
    },
  };
}

/** The one calculator panel: a second "open" reveals it instead of making another. */
class ScalingPanel {
  static current: ScalingPanel | undefined;

  lastRendered: RenderedCalculation | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Each returns true once it has seen the render it waits for. */
  private renderWaiters: ((rendered: RenderedCalculation) => boolean)[] = [];
  private markReady: () => void = () => undefined;
  /** Messages posted before the page's script runs could be lost, so posts wait for this. */
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  static createOrShow(services: Services): void {
    if (ScalingPanel.current !== undefined) {
      ScalingPanel.current.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      TITLE,
      vscode.ViewColumn.Active,
      lockedDownOptions(services.context.extensionUri),
    );
    ScalingPanel.current = new ScalingPanel(panel, services);
  }

  static revive(panel: vscode.WebviewPanel, services: Services): void {
    ScalingPanel.current?.panel.dispose();
    panel.webview.options = lockedDownOptions(services.context.extensionUri);
    ScalingPanel.current = new ScalingPanel(panel, services);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly services: Services,
  ) {
    panel.webview.html = this.html();
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    panel.webview.onDidReceiveMessage(
      (message: unknown) => this.receive(message),
      undefined,
      this.disposables,
    );
  }

  async setInputs(inputs: Partial<CalculatorInputs>): Promise<RenderedCalculation> {
    await this.ready;
    const wanted = { ...(this.lastRendered?.inputs ?? defaultInputs()), ...inputs };
    const rendered = new Promise<RenderedCalculation>((resolve) =>
      this.renderWaiters.push((candidate) => {
        // Renders of earlier inputs (the defaults, say) may still arrive first.
        const matches = (Object.keys(wanted) as (keyof CalculatorInputs)[]).every(
          (key) => candidate.inputs[key] === wanted[key],
        );
        if (matches) {
          resolve(candidate);
        }
        return matches;
      }),
    );
    this.post({ type: 'setInputs', inputs: wanted });
    return rendered;
  }

  private async receive(raw: unknown): Promise<void> {
    // Loaded on the first message rather than at activation: zod takes a while to load.
    const { webviewMessageSchema } = await import('./scalingProtocol');
    const parsed = webviewMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.services.log.warn('Scaling calculator: ignored a malformed webview message.');
      return;
    }

    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        this.post({ type: 'defaults', inputs: defaultInputs() });
        this.markReady();
        return;
      case 'rendered': {
        const rendered: RenderedCalculation = {
          inputs: message.inputs,
          rows: message.rows,
          errors: message.errors,
          problem: message.problem,
          chartDatasets: message.chartDatasets,
        };
        this.lastRendered = rendered;
        this.renderWaiters = this.renderWaiters.filter((waiter) => !waiter(rendered));
        return;
      }
      case 'copy':
        await vscode.env.clipboard.writeText(resultToMarkdown(calculate(message.inputs)));
        void vscode.window.showInformationMessage('Scaling-law results copied as Markdown.');
        return;
      case 'insert':
        await insertIntoEditor(resultToMarkdown(calculate(message.inputs)));
        return;
    }
  }

  private post(message: PanelMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private html(): string {
    return scalingPageHtml({
      cspSource: this.panel.webview.cspSource,
      nonce: newNonce(),
      scriptUri: this.resourceUri('dist', 'media', 'scaling.js'),
      styleUri: this.resourceUri('media', 'scaling', 'scaling.css'),
    });
  }

  private resourceUri(...segments: string[]): string {
    const file = vscode.Uri.joinPath(this.services.context.extensionUri, ...segments);
    return this.panel.webview.asWebviewUri(file).toString();
  }

  private dispose(): void {
    if (ScalingPanel.current === this) {
      ScalingPanel.current = undefined;
    }
    this.disposables.forEach((disposable) => disposable.dispose());
    this.disposables.length = 0;
  }
}


/** The calculator's starting inputs, with the hardware the user set as default. */
function defaultInputs(): CalculatorInputs {
  const config = vscode.workspace.getConfiguration(SECTION);
  const gpu = config.get<string>('scaling.defaultGpu', DEFAULT_INPUTS.accelerator);
  const count = config.get<number>('scaling.gpuCount', 1024);
  const mfu = config.get<number>('scaling.mfu', 0.4);
  const price = config.get<number>('scaling.pricePerGpuHourUsd', 0);
  return {
    ...DEFAULT_INPUTS,
    accelerator: findAccelerator(gpu)?.id ?? DEFAULT_INPUTS.accelerator,
    acceleratorCount: String(count),
    mfu: `${Math.round(mfu * 1000) / 10}%`,
    price: price > 0 ? String(price) : '',
  };
}

/** Into the editor beside the panel, at its cursor; a new Markdown file when there is none. */
async function insertIntoEditor(markdown: string): Promise<void> {
  const editor = vscode.window.visibleTextEditors[0];
  if (editor !== undefined) {
    await editor.edit((edit) => edit.replace(editor.selection, markdown));
    return;
  }
  const document = await vscode.workspace.openTextDocument({
    language: 'markdown',
    content: markdown,
  });
  await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
}
