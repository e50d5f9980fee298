import type { EncodingName } from './encodings';
import { pretokenizerClasses } from './unicodeClasses';

/**
 * Splits a large text into chunks whose token counts add up to the count of the whole text, so
 * a big document can be counted chunk by chunk (and cancelled between chunks), and an edit
 * recounts only the chunks it touched.
 *
 * Why a cut keeps the count exact. Byte-pair merging works inside one pre-tokenizer piece, so a
 * cut at p changes nothing when (1) a piece of the whole text ends at p and (2) the pattern
 * finds the same pieces before p when the text stops at p. The patterns look only ahead, so
 * after p the pieces are then those of the text after p. (2) can only fail where the pattern
 * reads position p: a greedy loop stops there either way (at a character outside its class, or
 * at the end), but the look-ahead `\s+(?!\S)` fails before a non-space and succeeds at the end.
 *
 * o200k_base and cl100k_base cut after a '\n' that is followed by spaces or tabs and then a
 * non-space character c. Only two kinds of piece hold a '\n'. One is `\s*[\r\n]+`: it is tried
 * before `\s+(?!\S)` and, in any run of white space with a line break, ends just after the
 * run's last '\r' or '\n', which is the '\n' at p - 1 because spaces, tabs and c are neither.
 * The other is the tail of a punctuation piece, `[\r\n]*` (o200k: `[\r\n/]*`), which stops at
 * a space, a tab or c; hence in o200k c must not be '/' when no space or tab comes first. A
 * letter piece may start with one non-letter, but never with '\r' or '\n'.
 *
 * r50k_base and p50k_base (GPT-2's pattern) cut before a line break ('\n' or '\r\n') whose
 * previous character is not white space. Every piece is a contraction, an optional space and a
 * run of letters, digits or other non-space characters, or a run of white space: none holds a
 * non-space followed by white space, so a piece ends at the cut, and white-space pieces before
 * it stop at a non-space, so their look-ahead never reaches p. Cutting after the '\n' instead
 * would not be safe: before a word `\s+(?!\S)` splits " \n" into " " and "\n", but at the end
 * of a text it keeps " \n" whole.
 *
 * Neither cut can fall inside a surrogate pair, since a line break stands on one side of it.
 */

export interface ChunkSizes {
  /** Shortest chunk, except for the last one of a text. @default 16384 */
  readonly minChars: number;
  /** Past this length the next safe cut is taken, whatever the hash says. @default 262144 */
  readonly maxChars: number;
  /** Mean distance between hash marks; rounded to a power of two. @default 16384 */
  readonly meanGapChars: number;
}

/**
 * About 30 K characters a chunk: counting one takes a few milliseconds, which is how long a
 * cancellation waits, and a 10 MB document has a few hundred of them.
 */
export const DEFAULT_CHUNK_SIZES: ChunkSizes = {
  minChars: 16_384,
  maxChars: 262_144,
  meanGapChars: 16_384,
};

/**
 * Characters a gear hash remembers: each step shifts it left by one bit, so after 32 steps a
 * character has left the 32-bit word and the hash depends on the last 32 characters alone.
 */
const GEAR_WINDOW = 32;

/** One pseudo-random 32-bit value per byte (splitmix32); fixed, so cuts never change. */
const GEAR: Int32Array = (() => {
  const table = new Int32Array(256);
  let state = 0x9e3779b9;
  for (let i = 0; i < table.length; i++) {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    table[i] = z ^ (z >>> 16);
  }
  return table;
})();

/**
 * The chunks of `text` for `encoding`, in order; they join to `text`. A chunk ends at the first
 * safe cut after a gear-hash mark at least `minChars` into it. The marks depend only on the 32
 * characters before them, so after an edit the same marks, hence the same cuts, come back
 * within a chunk or two, and the chunks before and after the edit are the same strings as
 * before. Text without a safe cut (one long line) stays one chunk.
 */
export function splitIntoChunks(
  text: string,
  encoding: EncodingName,
  sizes: ChunkSizes = DEFAULT_CHUNK_SIZES,
): string[] {
  const chunks: string[] = [];
  let start = 0;

  while (text.length - start > sizes.minChars) {
    const end = chunkEnd(text, start, encoding, sizes);
    chunks.push(text.slice(start, end));
    start = end;
  }

  if (start < text.length || chunks.length === 0) {
    chunks.push(text.slice(start));
  }
  return chunks;
}

function chunkEnd(text: string, start: number, encoding: EncodingName, sizes: ChunkSizes): number {
  const markBits = Math.min(31, Math.max(1, Math.round(Math.log2(sizes.meanGapChars))));
  // The top bits, which depend on all 32 characters the hash remembers.
  const markMask = (0xffffffff << (32 - markBits)) | 0;
  const earliest = start + sizes.minChars;
  let hash = 0;

  // The hash starts before `earliest` (in the previous chunk if need be) so that its value
  // there depends on the text alone, not on where this chunk began.
  for (let i = Math.max(0, earliest - GEAR_WINDOW); i < text.length; i++) {
    const code = text.charCodeAt(i);
    hash = ((hash << 1) + GEAR[(code ^ (code >>> 8)) & 0xff]) | 0;
    if (i >= earliest && ((hash & markMask) === 0 || i - start >= sizes.maxChars)) {
      return nextSafeCut(text, start, i, encoding);
    }
  }
  return text.length;
}

/** The first safe cut after `from` (and after `start`), or the end of the text. */
function nextSafeCut(text: string, start: number, from: number, encoding: EncodingName): number {
  const cutsAfterBreak = encoding === 'o200k_base' || encoding === 'cl100k_base';

  for (let lf = text.indexOf('\n', from); lf !== -1; lf = text.indexOf('\n', lf + 1)) {
    if (cutsAfterBreak) {
      if (isCutAfterBreak(text, lf + 1, encoding)) {
        return lf + 1;
      }
      continue;
    }

    const cut = lf > 0 && text.charCodeAt(lf - 1) === 0x0d ? lf - 1 : lf;
    if (cut > start && !isWhiteSpace(text, cut - 1)) {
      return cut;
    }
  }
  return text.length;
}

/** o200k_base and cl100k_base: `text[p - 1]` is '\n'; see the proof above. */
function isCutAfterBreak(text: string, p: number, encoding: EncodingName): boolean {
  let next = p;
  while (next < text.length && isSpaceOrTab(text.charCodeAt(next))) {
    next++;
  }

  if (next === text.length || isWhiteSpace(text, next)) {
    return false;
  }
  return !(encoding === 'o200k_base' && next === p && text.charCodeAt(next) === 0x2f);
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

let whiteSpaceClass: RegExp | undefined;

/** White space as the pre-tokenizer sees it (Unicode 16.0 White_Space, as in tiktoken). */
function isWhiteSpace(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) {
    return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  }

  whiteSpaceClass ??= new RegExp(`^[${pretokenizerClasses().whiteSpace}]$`, 'u');
  return whiteSpaceClass.test(text[index]);
}
