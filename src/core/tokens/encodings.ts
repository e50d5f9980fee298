import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ByteRankTable } from './byteRankTable';

export const ENCODING_NAMES = ['o200k_base', 'cl100k_base', 'p50k_base', 'r50k_base'] as const;

export type EncodingName = (typeof ENCODING_NAMES)[number];

export const DEFAULT_ENCODING: EncodingName = 'o200k_base';

export function isEncodingName(name: string): name is EncodingName {
  return (ENCODING_NAMES as readonly string[]).includes(name);
}

/** Which models each encoding serves, for pickers and help text. */
export const ENCODING_DESCRIPTIONS: Record<EncodingName, string> = {
  o200k_base: 'GPT-5, GPT-4.1, GPT-4o, o-series',
  cl100k_base: 'GPT-4, GPT-3.5 Turbo, text-embedding-3',
  p50k_base: 'Codex, text-davinci-002/003',
  r50k_base: 'GPT-3 (davinci), GPT-2',
};

/** Mergeable ranks of one encoding: each token's bytes and its rank, which is its token id. */
export type RankTable = ByteRankTable;

interface RankFile {
  readonly bpe_ranks: string;
}

/**
 * Where the rank files live. The build copies js-tiktoken's rank data beside the bundles
 * (`dist/ranks/<encoding>.json`), so a packaged extension needs no node_modules; from sources
 * (tests, benchmarks) the files are read from the js-tiktoken package instead.
 */
function readRankFile(encoding: EncodingName): RankFile {
  const bundled = join(__dirname, 'ranks', `${encoding}.json`);
  if (existsSync(bundled)) {
    return JSON.parse(readFileSync(bundled, 'utf8')) as RankFile;
  }

  const moduleText = readFileSync(require.resolve(`js-tiktoken/ranks/${encoding}`), 'utf8');
  const json = moduleText.slice(moduleText.indexOf('{'), moduleText.lastIndexOf('}') + 1);
  return JSON.parse(json) as RankFile;
}

/**
 * Parses js-tiktoken's compact rank format: one line per run of consecutive ranks,
 * `<tag> <first rank> <base64 token> <base64 token> ...`.
 */
export function loadRankTable(encoding: EncodingName): RankTable {
  const tokens: string[] = [];

  for (const line of readRankFile(encoding).bpe_ranks.split('\n')) {
    if (line === '') {
      continue;
    }
    const fields = line.split(' ');
    const firstRank = Number.parseInt(fields[1], 10);
    for (let i = 2; i < fields.length; i++) {
      tokens[firstRank + i - 2] = atob(fields[i]);
    }
  }

  return new ByteRankTable(tokens);
}
