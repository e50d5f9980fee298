import { createHash } from 'node:crypto';
import { cjkParagraph } from './cjk';
import { minifiedFunction, sourceModule } from './code';
import { base64Chunk, digitRun, jsonRecords } from './data';
import { proseParagraph } from './prose';
import { Choices, fillTo } from './random';

export interface CorpusFile {
  readonly name: string;
  /** A run of one character, on which a naive byte-pair merge is quadratic. */
  readonly isRun: boolean;
  readonly text: string;
  readonly bytes: number;
  /** First 12 hex digits of the SHA-256 of the text: equal across runs means equal input. */
  readonly sha256: string;
}

/** Lengths of the single-character runs; fixed, not scaled with --size-mb. */
export const RUN_LENGTHS = [1_000, 10_000, 100_000, 1_000_000] as const;

/** The character repeated in the runs: a letter, so the whole run is one pre-token. */
export const RUN_CHARACTER = 'a';

interface RealisticKind {
  readonly name: string;
  /** Makes the chunk source; each kind has its own seed so adding one changes no other. */
  readonly source: (choices: Choices) => () => string;
  readonly seed: number;
  /** Closes what the chunks open (the JSON array), so the file is well-formed. */
  readonly suffix?: string;
}

const REALISTIC: readonly RealisticKind[] = [
  { name: 'prose', seed: 101, source: (c) => () => proseParagraph(c) },
  { name: 'code', seed: 202, source: (c) => () => sourceModule(c) },
  { name: 'json', seed: 303, source: jsonRecords, suffix: '\n]\n' },
  { name: 'cjk', seed: 404, source: (c) => () => cjkParagraph(c) },
  { name: 'minified-js', seed: 505, source: (c) => () => minifiedFunction(c) },
  { name: 'base64', seed: 606, source: (c) => () => base64Chunk(c) },
  { name: 'digits', seed: 707, source: (c) => () => digitRun(c) },
];

function describe(name: string, isRun: boolean, text: string): CorpusFile {
  const sha256 = createHash('sha256').update(text).digest('hex').slice(0, 12);
  return { name, isRun, text, bytes: Buffer.byteLength(text, 'utf8'), sha256 };
}

export function runName(length: number): string {
  return length >= 1_000_000 ? `run-${length / 1_000_000}M` : `run-${length / 1000}k`;
}

export function singleCharacterRun(length: number): string {
  return RUN_CHARACTER.repeat(length);
}

/** The whole corpus: each realistic kind at about `sizeBytes` of UTF-8, then the runs. */
export function buildCorpus(sizeBytes: number): CorpusFile[] {
  const files = REALISTIC.map((kind) => {
    const text = fillTo(sizeBytes, kind.source(new Choices(kind.seed))) + (kind.suffix ?? '');
    return describe(kind.name, false, text);
  });
  for (const length of RUN_LENGTHS) {
    files.push(describe(runName(length), true, singleCharacterRun(length)));
  }
  return files;
}
