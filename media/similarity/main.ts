/// <reference lib="dom" />
import type { SimilarityReport } from '../../src/core/embeddings/report';

// The webview's side of the results view: renders what the extension posts, keeps it in the
// webview state so a reload restores it, and asks the extension to copy a report.

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as { type?: unknown; reports?: unknown };
  if (message.type === 'reports' && Array.isArray(message.reports)) {
    const reports = message.reports as SimilarityReport[];
    vscode.setState({ reports });
    render(reports);
  }
});

const saved = vscode.getState() as { reports?: SimilarityReport[] } | undefined;
if (saved?.reports !== undefined) {
  render(saved.reports);
}
vscode.postMessage({ type: 'ready' });

function render(reports: readonly SimilarityReport[]): void {
  app.replaceChildren();
  if (reports.length === 0) {
    return;
  }
  const [latest, ...earlier] = reports;
  app.append(renderReport(latest, 'h1'));
  if (earlier.length > 0) {
    app.append(element('h2', 'Earlier comparisons this session'));
    for (const report of earlier) {
      app.append(renderReport(report, 'h3'));
    }
  }
}

function renderReport(report: SimilarityReport, heading: 'h1' | 'h3'): HTMLElement {
  const section = element('section');
  section.className = 'report';
  const title = report.excerpts.length > 2 ? `${report.excerpts.length} texts` : 'Two texts';
  section.append(element(heading, `${title}: cosine ${report.cosine.toFixed(4)}`));

  const passages = element('ol');
  passages.className = 'passages';
  for (const text of report.excerpts) {
    passages.append(element('li', text));
  }
  section.append(passages);

  const reading = element('p', report.reading);
  reading.className = 'reading';
  section.append(reading);

  for (const warning of report.warnings) {
    const note = element('p', warning);
    note.className = 'warning';
    note.setAttribute('role', 'note');
    section.append(note);
  }

  section.append(measures(report));
  if (report.matrix !== undefined) {
    section.append(heatMap(report.matrix));
  }

  const copy = element('button', 'Copy as Markdown');
  copy.setAttribute('type', 'button');
  copy.setAttribute('aria-label', `Copy the comparison of ${title.toLowerCase()} as Markdown`);
  copy.addEventListener('click', () => vscode.postMessage({ type: 'copyMarkdown', id: report.id }));
  section.append(copy);
  return section;
}

function measures(report: SimilarityReport): HTMLElement {
  const list = element('dl');
  list.className = 'measures';
  const rows: [string, string][] = [
    ['Cosine similarity', report.cosine.toFixed(4)],
    ['Dot product', report.dot.toFixed(4)],
    ['Euclidean distance', report.euclidean.toFixed(4)],
    ['Dimensions', String(report.dimensions)],
    ['Vector norms', report.norms.map((value) => value.toFixed(4)).join(', ')],
    [
      'Provider and model',
      `${report.provider} · ${report.model}${report.inputType ? ` (${report.inputType})` : ''}`,
    ],
    ['Tokens billed', billed(report)],
  ];
  for (const [term, value] of rows) {
    list.append(element('dt', term), element('dd', value));
  }
  return list;
}

function billed(report: SimilarityReport): string {
  if (report.fromCache) {
    return '0 (all embeddings came from this session\'s cache)';
  }
  return report.billedTokens === undefined ? 'not reported' : String(report.billedTokens);
}

/** The cosine matrix as a table whose cells are shaded by value, with the number in each. */
function heatMap(matrix: readonly (readonly number[])[]): HTMLElement {
  const table = element('table');
  table.className = 'heatmap';
  table.append(element('caption', 'Cosine similarity of every pair of texts'));

  const head = element('tr');
  head.append(element('th', ''));
  matrix.forEach((_row, i) => head.append(header(`Text ${i + 1}`, 'col')));
  table.append(head);

  matrix.forEach((row, i) => {
    const line = element('tr');
    line.append(header(`Text ${i + 1}`, 'row'));
    for (const value of row) {
      const cell = element('td', value.toFixed(3));
      // Shading by script (CSSOM) keeps the policy free of inline styles.
      // At most 70% of the chart colour, so the number stays readable on the darkest cell.
      const share = Math.round(Math.max(0, Math.min(1, value)) * 70);
      cell.style.setProperty('--share', `${share}%`);
      line.append(cell);
    }
    table.append(line);
  });
  return table;
}

function header(text: string, scope: 'row' | 'col'): HTMLElement {
  const cell = element('th', text);
  cell.setAttribute('scope', scope);
  return cell;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}
