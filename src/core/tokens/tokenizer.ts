import { bytePairMerge } from './bytePairMerge';
import { type EncodingName, loadRankTable, type RankTable } from './encodings';
import { pretokenizerPattern } from './patterns';

/**
 * Merged pieces are cached because text repeats (identifiers, words). The cache is cleared
 * when full rather than kept in LRU order: cheaper per lookup, and refills within a few KB.
 */
const PIECE_CACHE_ENTRIES = 65_536;

/** Longer pieces (UTF-16 units) are rarely repeated and would pin memory in the cache. */
const PIECE_CACHE_MAX_LENGTH = 256;

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Exact tokenizer of one OpenAI encoding: the same token ids as the official tiktoken's
 * `encode_ordinary`. Special-token strings such as `<|endoftext|>` are ordinary text here, so no
 * input makes it throw.
 */
export class Tokenizer {
  private readonly pieceCache = new Map<string, number[]>();

  constructor(
    readonly encoding: EncodingName,
    private readonly ranks: RankTable,
    private readonly pattern: RegExp,
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
    const ascii = !NON_ASCII.test(wellFormed);
    // Sticky: every position starts a piece (each pattern's alternatives cover every code
    // point), so `test` finds the piece's end without allocating a match array.
    const pattern = new RegExp(this.pattern.source, 'yv');
    let count = 0;
    let start = 0;

    while (start < wellFormed.length) {
      if (!pattern.test(wellFormed)) {
        throw new Error(`The ${this.encoding} pre-tokenizer matched nothing at ${start}.`);
      }
      const end = pattern.lastIndex;
      const piece = wellFormed.slice(start, end);
      start = end;

      // Pieces that are one token are the common case: one lookup, no bytes made.
      const rank = ascii || !NON_ASCII.test(piece) ? this.ranks.get(piece) : undefined;
      if (rank !== undefined) {
        sink?.push(rank);
        count++;
      } else {
        count += this.mergePiece(piece, sink);
      }
    }

    return count;
  }

  /** Tokens of a piece that is not one token as it stands, cached by the piece's text. */
  private mergePiece(piece: string, sink: number[] | null): number {
    if (piece.length > PIECE_CACHE_MAX_LENGTH) {
      return this.encodeBytes(toByteString(piece), sink);
    }

    let ids = this.pieceCache.get(piece);
    if (ids === undefined) {
      ids = [];
      this.encodeBytes(toByteString(piece), ids);
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

  private encodeBytes(bytes: string, sink: number[] | null): number {
    const rank = this.ranks.get(bytes);
    if (rank !== undefined) {
      sink?.push(rank);
      return 1;
    }
    return bytePairMerge(bytes, this.ranks, sink);
  }
}

/** UTF-8 bytes of `text` as a string of one char per byte, the key format of the rank table. */
function toByteString(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

const tokenizers = new Map<EncodingName, Tokenizer>();

/** The tokenizer of `encoding`, loading its rank data on first use (about 0.1-0.5 s). */
export function getTokenizer(encoding: EncodingName): Tokenizer {
  let tokenizer = tokenizers.get(encoding);
  if (tokenizer === undefined) {
    tokenizer = new Tokenizer(encoding, loadRankTable(encoding), pretokenizerPattern(encoding));
    tokenizers.set(encoding, tokenizer);
  }
  return tokenizer;
}
