import {
  calculate,
  type CalculatorInputs,
  type CalculatorResult,
  DEFAULT_INPUTS,
  type TextField,
} from '../../src/core/scaling/calculator';
import { ACCELERATORS } from '../../src/core/scaling/hardware';
import { findLaw } from '../../src/core/scaling/laws';
import type { PanelMessage, WebviewMessage } from '../../src/extension/scalingProtocol';
import { LossChart } from './chart';
import { renderReferenceTable } from './referenceTable';

/**
 * The calculator runs here, on the same core module the extension and CLI use, so results
 * follow every keystroke without a round trip; the extension recomputes from the inputs for
 * "Copy" and "Insert" rather than trusting text from the page.
 */

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}

interface SavedState {
  readonly inputs: CalculatorInputs;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const TEXT_FIELDS: readonly TextField[] = [
  'compute',
  'parameters',
  'tokens',
  'qualityParameters',
  'inferenceTokens',
  'acceleratorCount',
  'mfu',
  'price',
];

const form = document.getElementById('inputs') as HTMLFormElement;
const chart = new LossChart(document.getElementById('chart') as HTMLCanvasElement);
let inputs: CalculatorInputs = vscode.getState()?.inputs ?? DEFAULT_INPUTS;
let restored = vscode.getState() !== undefined;

function element<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function showInputs(values: CalculatorInputs): void {
  for (const field of TEXT_FIELDS) {
    element<HTMLInputElement>(field).value = values[field];
  }
  element<HTMLSelectElement>('law').value = values.law;
  element<HTMLSelectElement>('accelerator').value = values.accelerator;
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
    radio.checked = radio.value === values.mode;
  }
}

function readInputs(): CalculatorInputs {
  const mode = form.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value;
  const texts = Object.fromEntries(
    TEXT_FIELDS.map((field) => [field, element<HTMLInputElement>(field).value]),
  ) as Record<TextField, string>;
  return {
    ...texts,
    mode: mode === 'run' || mode === 'inference' ? mode : 'budget',
    law: findLaw(element<HTMLSelectElement>('law').value)?.id ?? DEFAULT_INPUTS.law,
    accelerator: element<HTMLSelectElement>('accelerator').value,
  };
}

function render(): void {
  const result = calculate(inputs);
  vscode.setState({ inputs });

  for (const group of document.querySelectorAll<HTMLElement>('.mode-fields')) {
    group.hidden = group.dataset.mode !== inputs.mode;
  }
  element('law-source').textContent = `${result.law.source} ${result.law.note}`;
  const accelerator = ACCELERATORS.find((candidate) => candidate.id === inputs.accelerator);
  element('accelerator-source').textContent = accelerator?.source ?? '';
  showFieldNotes(result);
  showRows(result);
  const chartDatasets = chart.draw(result);
  element('chart-caption').textContent =
    `Loss from ${chart.surfaceLabel(result)}. Thin lines: IsoFLOP curves (fixed compute); ` +
    'dots on them: their optimum. Dashed: each law\'s compute-optimal frontier on that ' +
    'surface. Triangles: reference models; left of the frontier means more tokens per ' +
    'parameter (overtrained for their size), right means undertrained.';

  vscode.postMessage({
    type: 'rendered',
    inputs,
    rows: result.rows.map((row) => ({ ...row })),
    errors: { ...result.errors },
    problem: result.problem,
    chartDatasets,
  });
}

function showFieldNotes(result: CalculatorResult): void {
  for (const field of TEXT_FIELDS) {
    const input = element<HTMLInputElement>(field);
    const note = element(`${field}-note`);
    const error = result.errors[field];
    input.setAttribute('aria-invalid', String(error !== undefined));
    note.textContent = error ?? '';
    note.classList.toggle('error', error !== undefined);
  }
}

function showRows(result: CalculatorResult): void {
  const problem = element('problem');
  problem.hidden = result.problem === undefined;
  problem.textContent = result.problem ?? '';

  const body = element<HTMLTableElement>('results').tBodies[0];
  body.replaceChildren(
    ...result.rows.map((row) => {
      const line = document.createElement('tr');
      const label = document.createElement('th');
      label.scope = 'row';
      label.textContent = row.label;
      const value = document.createElement('td');
      value.textContent = row.value;
      line.append(label, value);
      return line;
    }),
  );
  for (const id of ['copy', 'insert']) {
    element<HTMLButtonElement>(id).disabled = result.rows.length === 0;
  }
}

function update(): void {
  inputs = readInputs();
  render();
}

form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (event) => event.preventDefault());
element('copy').addEventListener('click', () => vscode.postMessage({ type: 'copy', inputs }));
element('insert').addEventListener('click', () => vscode.postMessage({ type: 'insert', inputs }));

window.addEventListener('message', (event: MessageEvent<PanelMessage>) => {
  const message = event.data;
  if (message.type === 'defaults' && restored) {
    return;
  }
  restored = true;
  inputs = message.inputs;
  showInputs(inputs);
  render();
});

// Theme switches change the CSS variables the chart reads its colours from.
new MutationObserver(() => render()).observe(document.body, {
  attributes: true,
  attributeFilter: ['class'],
});

renderReferenceTable(element<HTMLTableElement>('models'));
showInputs(inputs);
render();
vscode.postMessage({ type: 'ready' });
