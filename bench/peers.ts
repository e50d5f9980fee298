import type { TiktokenBPE } from 'js-tiktoken/lite';
import type { EncodingName } from '../src/core/tokens/encodings';
import { pretokenizerPattern } from '../src/core/tokens/patterns';
import { getTokenizer } from '../src/core/tokens/tokenizer';

/**
 * What is measured. `regex-only` is not a tokenizer: it runs our pre-tokenizer pattern with
 * `exec` and counts the matches, the work every exact JavaScript counter does before any
 * merging, so its speed roughly bounds what any of them can reach with this pattern. (Not
 * strictly: a counter that steps with a sticky `test` allocates no match arrays.)
 */
export const PEER_NAMES = [
  'ours',
  'regex-only',
  'js-tiktoken',
  'gpt-tokenizer',
  'tiktoken',
] as const;

export type PeerName = (typeof PEER_NAMES)[number];

/** The libraries that load rank data, for the cold-start measurement. */
export const LIBRARY_NAMES = ['ours', 'js-tiktoken', 'gpt-tokenizer', 'tiktoken'] as const;

/** The official tiktoken (Rust compiled to WASM): the count every other one must equal. */
export const REFERENCE_PEER: PeerName = 'tiktoken';

export interface Counter {
  count(text: string): number;
  /**
   * Empties the peer's own memo of merged pieces. Only gpt-tokenizer's can hold a run of one
   * character: ours keeps pieces up to 256 characters, js-tiktoken and tiktoken keep none.
   */
  resetCaches(): void;
}

const NO_CACHES = (): void => undefined;

/** The part of a gpt-tokenizer encoding module that is used here. */
interface GptTokenizerEncoding {
  countTokens(text: string, options: { disallowedSpecial: Set<string> }): number;
  clearMergeCache(): void;
}

/** The part of tiktoken's WASM binding that is used here. */
interface TiktokenWasm {
  get_encoding(encoding: EncodingName): { encode_ordinary(text: string): Uint32Array };
}

/**
 * The peers are loaded with `require` at call time, not imported, so that a process that
 * measures one of them never loads the others' rank data.
 */
export function loadCounter(peer: PeerName, encoding: EncodingName): Counter {
  switch (peer) {
    case 'ours': {
      const tokenizer = getTokenizer(encoding);
      return { count: (text) => tokenizer.count(text), resetCaches: NO_CACHES };
    }
    case 'regex-only': {
      const pattern = pretokenizerPattern(encoding);
      return { count: (text) => countMatches(pattern, text), resetCaches: NO_CACHES };
    }
    case 'js-tiktoken': {
      const { Tiktoken } = require('js-tiktoken/lite') as typeof import('js-tiktoken/lite');
      const ranks = require(`js-tiktoken/ranks/${encoding}`) as TiktokenBPE;
      const tiktoken = new Tiktoken(ranks);
      // Empty allowed and disallowed lists: special-token text is ordinary text, no throw.
      return { count: (text) => tiktoken.encode(text, [], []).length, resetCaches: NO_CACHES };
    }
    case 'gpt-tokenizer': {
      const module = require(`gpt-tokenizer/encoding/${encoding}`) as GptTokenizerEncoding;
      // An empty disallowed set turns off the check that throws on `<|endoftext|>` and kin.
      const options = { disallowedSpecial: new Set<string>() };
      return {
        count: (text) => module.countTokens(text, options),
        resetCaches: () => module.clearMergeCache(),
      };
    }
    case 'tiktoken': {
      const wasm = require('tiktoken') as TiktokenWasm;
      const tiktoken = wasm.get_encoding(encoding);
      return { count: (text) => tiktoken.encode_ordinary(text).length, resetCaches: NO_CACHES };
    }
  }
}

function countMatches(pattern: RegExp, text: string): number {
  // A fresh copy per call: the global flag keeps its position in lastIndex.
  const regex = new RegExp(pattern);
  let count = 0;
  while (regex.exec(text) !== null) {
    count++;
  }
  return count;
}

/**
 * Shortest single-character run on which a peer is skipped: its merge is quadratic in the
 * piece length, so the run would take minutes. Measured here (o200k_base, one call): js-tiktoken
 * 14 s at 10k and 56 s at 20k; gpt-tokenizer 7 s and tiktoken 12 s at 100k (tiktoken's WASM is
 * also said to trap near 1M; not tried here, it would take minutes to get there).
 */
const QUADRATIC_FROM_LENGTH: Partial<Record<PeerName, number>> = {
  'js-tiktoken': 10_000,
  'gpt-tokenizer': 100_000,
  tiktoken: 100_000,
};

export function isSkippedAsQuadratic(peer: PeerName, isRun: boolean, length: number): boolean {
  const from = QUADRATIC_FROM_LENGTH[peer];
  return isRun && from !== undefined && length >= from;
}
