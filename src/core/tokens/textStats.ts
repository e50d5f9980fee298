import type { TokenizerTarget } from './models';

/** What the breakdown command and the CLI report about one text. */
export interface TokenBreakdown {
  readonly tokens: number;
  /** Unicode code points, which is what a person counts as characters. */
  readonly characters: number;
  readonly words: number;
  readonly lines: number;
  readonly utf8Bytes: number;
  /** Undefined for empty text. */
  readonly charactersPerToken: number | undefined;
  /** Share of the model's context window, 0..1+; undefined when no model is chosen. */
  readonly contextShare: number | undefined;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu;

export function countCodePoints(text: string): number {
  let surrogatePairs = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        surrogatePairs++;
        i++;
      }
    }
  }
  return text.length - surrogatePairs;
}

export function breakdown(text: string, tokens: number, target: TokenizerTarget): TokenBreakdown {
  const characters = countCodePoints(text);
  const contextWindow = target.model?.contextWindow;

  return {
    tokens,
    characters,
    words: text.match(WORD)?.length ?? 0,
    lines: text === '' ? 0 : text.split(/\r\n|\r|\n/).length,
    utf8Bytes: Buffer.byteLength(text, 'utf8'),
    charactersPerToken: tokens === 0 ? undefined : characters / tokens,
    contextShare: contextWindow === undefined ? undefined : tokens / contextWindow,
  };
}
