import { describeTarget, type TokenizerTarget } from '../core/tokens/models';
import type { TokenBreakdown } from '../core/tokens/textStats';

const integer = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return integer.format(value);
}

export function formatShare(share: number): string {
  const percent = share * 100;
  return `${percent < 0.1 && percent > 0 ? '<0.1' : percent.toFixed(1)}%`;
}

/** 128000 → "128K", 1047576 → "1.05M". */
export function formatWindow(tokens: number): string {
  if (tokens >= 1e6) {
    return `${Number((tokens / 1e6).toPrecision(3))}M`;
  }
  return tokens >= 1e3 ? `${Number((tokens / 1e3).toPrecision(3))}K` : String(tokens);
}

/** One line that says everything the breakdown holds, for a notification or the clipboard. */
export function breakdownLine(
  scope: string,
  stats: TokenBreakdown,
  target: TokenizerTarget,
): string {
  const parts = [
    `${scope}: ${formatCount(stats.tokens)} tokens`,
    `${formatCount(stats.characters)} characters`,
    `${formatCount(stats.words)} words`,
    stats.charactersPerToken === undefined
      ? 'no tokens'
      : `${stats.charactersPerToken.toFixed(2)} characters/token`,
    describeTarget(target),
  ];
  if (stats.contextShare !== undefined && target.model !== undefined) {
    const window = formatWindow(target.model.contextWindow);
    parts.push(`${formatShare(stats.contextShare)} of the ${window} context window`);
  }
  return parts.join(' · ');
}
