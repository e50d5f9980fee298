import { bytePairMerge } from './bytePairMerge';
import { type EncodingName, loadRankTable, type RankTable } from './encodings';
import { ASCII_CLASSES, pretokenizerPattern } from './patterns';

/**
 * Merged pieces are cached because text repeats (identifiers, words). The cache is cleared
 * when full rather than kept in LRU order: cheaper per lookup, and refills within a few KB.
 */
const PIECE_CACHE_ENTRIES = 65_536;

/** Longer pieces (UTF-16 units) are rarely repeated and would pin memory in the cache. */
const PIECE_CACHE_MAX_LENGTH = 256;

const NON_ASCII = /[^\0-\x7f]/;

/**
 * Exact tokenizer of one OpenAI encoding: the same token ids as the official tiktoken's
 * `encode_ordinary`. Special-token strings such as `<|endoftext|>` are ordinary text here, so no
 * input makes it throw.
 */
export class Tokenizer {
  private readonly pieceCache = new Map<string, number[]>();

  /** The UTF-8 bytes of the current piece; grows to the longest piece seen. */
  private bytes = new Uint8Array(1024);

  constructor(
    readonly encoding: EncodingName,
    private readonly ranks: RankTable,
    private readonly pattern: RegExp,
    private readonly asciiPattern: RegExp,
  ) {}

  encode(text: string): number[] {
    const ids: number[] = [];
    this.tokenize(text, ids);
    return ids;
  }

  count(text: string): number {
    return this.tokenize(text, null);
  }

  /** One pass for encode and count: ids go to `sink` when it is given. */
  private tokenize(text: string, sink: number[] | null): number {
    // tiktoken receives text as UTF-8, where a lone surrogate has become U+FFFD.
    const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
    // Sticky: every position starts a piece (each pattern's alternatives cover every code
    // point), so `test` finds the piece's end without allocating a match array.
    const source = NON_ASCII.test(wellFormed) ? this.pattern : this.asciiPattern;
    const pattern = new RegExp(source.source, 'yv');
    let count = 0;
    let start = 0;

    while (start < wellFormed.length) {
      if (!matchAt(pattern, wellFormed, start)) {
        throw new Error(`The ${this.encoding} pre-tokenizer matched nothing at ${start}.`);
      }
      const end = pattern.lastIndex;
      const length = this.encodePiece(wellFormed, start, end);

      // Pieces that are one token are the common case: one lookup, nothing allocated.
      const rank = this.ranks.rankOf(this.bytes, 0, length);
      if (rank >= 0) {
        sink?.push(rank);
        count++;
      } else if (end - start > PIECE_CACHE_MAX_LENGTH) {
        count += bytePairMerge(this.bytes, length, this.ranks, sink);
      } else {
        count += this.mergeCached(wellFormed.slice(start, end), length, sink);
      }
      start = end;
    }

    return count;
  }

  /** Tokens of a piece that is not one token as it stands, cached by the piece's text. */
  private mergeCached(piece: string, length: number, sink: number[] | null): number {
    let ids = this.pieceCache.get(piece);
    if (ids === undefined) {
      ids = [];
      bytePairMerge(this.bytes, length, this.ranks, ids);
      if (this.pieceCache.size >= PIECE_CACHE_ENTRIES) {
        this.pieceCache.clear();
      }
      this.pieceCache.set(piece, ids);
    }

    if (sink !== null) {
      for (const id of ids) {
        sink.push(id);
      }
    }
    return ids.length;
  }

  /** Writes the UTF-8 bytes of `text[start..end)` (well-formed) to `this.bytes`. */
  private encodePiece(text: string, start: number, end: number): number {
    if (this.bytes.length < 3 * (end - start)) {
      this.bytes = new Uint8Array(3 * (end - start));
    }
    const bytes = this.bytes;
    let at = 0;

    for (let i = start; i < end; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) {
        bytes[at++] = unit;
      } else if (unit < 0x800) {
        bytes[at++] = 0xc0 | (unit >> 6);
        bytes[at++] = 0x80 | (unit & 0x3f);
      } else if (unit < 0xd800 || unit > 0xdbff) {
        bytes[at++] = 0xe0 | (unit >> 12);
        bytes[at++] = 0x80 | ((unit >> 6) & 0x3f);
        bytes[at++] = 0x80 | (unit & 0x3f);
      } else {
        // A high surrogate; the text is well-formed, so its low half follows.
        const codePoint = 0x10000 + ((unit - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
        bytes[at++] = 0xf0 | (codePoint >> 18);
        bytes[at++] = 0x80 | ((codePoint >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((codePoint >> 6) & 0x3f);
        bytes[at++] = 0x80 | (codePoint & 0x3f);
      }
    }
    return at;
  }
}

/** Thrown for a text the tokenizer cannot count exactly; the message says why. */
export class UncountableTextError extends Error {}

/**
 * Runs the sticky pattern at `start`.
 * Known limitation: V8's regular expressions keep a backtracking entry per character of a
 * repeat, and run out of stack on one piece of roughly 5 million characters (a single run of
 * letters, digits, punctuation or white space with no break). Such a text gets a clear error
 * instead of a count; splitting the piece ourselves would need the pattern's logic by hand.
 */
function matchAt(pattern: RegExp, text: string, start: number): boolean {
  try {
    return pattern.test(text);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new UncountableTextError(
        `The text holds a run of millions of characters without a break at offset ${start}, ` +
          'longer than the tokenizer can split. Count a part of it instead.',
      );
    }
    throw error;
  }
}

const tokenizers = new Map<EncodingName, Tokenizer>();

/** The tokenizer of `encoding`, loading its rank data on first use (about 0.1-0.5 s). */
export function getTokenizer(encoding: EncodingName): Tokenizer {
  let tokenizer = tokenizers.get(encoding);
  if (tokenizer === undefined) {
    tokenizer = new Tokenizer(
      encoding,
      loadRankTable(encoding),
      pretokenizerPattern(encoding),
      pretokenizerPattern(encoding, ASCII_CLASSES),
    );
    tokenizers.set(encoding, tokenizer);
  }
  return tokenizer;
}
