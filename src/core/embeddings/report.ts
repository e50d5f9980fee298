import { PROVIDER_NAMES, sentence } from './provider';
import type { SimilarityResult } from './result';

/** Longest passage excerpt a report shows; the full text never leaves the editor. */
const EXCERPT_CHARS = 160;

/** One comparison as the results view and the clipboard show it. */
export interface SimilarityReport {
  readonly id: string;
  readonly createdAt: string;
  readonly provider: string;
  readonly model: string;
  readonly inputType: string;
  readonly excerpts: readonly string[];
  readonly dimensions: number;
  readonly cosine: number;
  readonly dot: number;
  readonly euclidean: number;
  readonly norms: readonly number[];
  /** Cosine of every pair, for three or more texts. */
  readonly matrix: readonly (readonly number[])[] | undefined;
  readonly reading: string;
  readonly billedTokens: number | undefined;
  readonly fromCache: boolean;
  readonly warnings: readonly string[];
}

export function toReport(result: SimilarityResult, id: string, createdAt: Date): SimilarityReport {
  const { comparison } = result;
  return {
    id,
    createdAt: createdAt.toISOString(),
    provider: sentence(PROVIDER_NAMES[result.provider]).replace(/^The /, ''),
    model: result.model,
    inputType: result.inputType,
    excerpts: result.texts.map(excerpt),
    dimensions: comparison.dimensions,
    cosine: comparison.cosine,
    dot: comparison.dot,
    euclidean: comparison.euclidean,
    norms: result.norms,
    matrix: result.texts.length > 2 ? result.matrix : undefined,
    reading: result.reading,
    billedTokens: result.billedTokens,
    fromCache: result.requests === 0,
    warnings: result.warnings,
  };
}

/** The passage on one line, cut in the middle of nothing longer than EXCERPT_CHARS. */
export function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const characters = [...line];
  return characters.length <= EXCERPT_CHARS
    ? line
    : `${characters.slice(0, EXCERPT_CHARS - 1).join('')}…`;
}

export function reportMarkdown(report: SimilarityReport): string {
  const lines = [
    '## Embedding similarity',
    '',
    ...report.excerpts.map((text, i) => `${i + 1}. ${escapeMarkdown(text)}`),
    '',
    '| Measure | Value |',
    '| --- | --- |',
    `| Cosine similarity (texts 1 and 2) | ${report.cosine.toFixed(4)} |`,
    `| Dot product | ${report.dot.toFixed(4)} |`,
    `| Euclidean distance | ${report.euclidean.toFixed(4)} |`,
    `| Dimensions | ${report.dimensions} |`,
    `| Norms | ${report.norms.map((value) => value.toFixed(4)).join(', ')} |`,
    `| Model | ${report.provider} ${report.model}` +
      `${report.inputType === '' ? '' : ` (${report.inputType})`} |`,
  ];
  if (report.billedTokens !== undefined) {
    lines.push(`| Tokens billed | ${report.billedTokens} |`);
  }
  lines.push('', report.reading);

  if (report.matrix !== undefined) {
    const header = report.matrix.map((_row, i) => ` ${i + 1} |`).join('');
    lines.push('', `| |${header}`, `| --- |${report.matrix.map(() => ' --- |').join('')}`);
    report.matrix.forEach((row, i) => {
      lines.push(`| ${i + 1} |${row.map((value) => ` ${value.toFixed(3)} |`).join('')}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]|<>#]/g, '\\$&');
}
