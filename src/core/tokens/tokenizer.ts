import { bytePairMerge } from './bytePairMerge';
import { type EncodingName, loadRankTable, type RankTable } from './encodings';
import { pretokenizerPattern } from './patterns';

/**
 * Merged pieces are cached because text repeats (identifiers, words). The cache is cleared
 * when full rather than kept in LRU order: cheaper per lookup, and refills within a few KB.
 */
const PIECE_CACHE_ENTRIES = 65_536;

/** Longer pieces are rarely repeated and would pin memory in the cache. */
const PIECE_CACHE_MAX_BYTES = 256;

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
    const pattern = new RegExp(this.pattern);
    let count = 0;

    for (let match = pattern.exec(wellFormed); match !== null; match = pattern.exec(wellFormed)) {
      const piece = ascii ? match[0] : toByteString(match[0]);
      const rank = this.ranks.get(piece);
      if (rank !== undefined) {
        sink?.push(rank);
        count++;
      } else {
        count += this.mergePiece(piece, sink);
      }
    }

    return count;
  }

  private mergePiece(piece: string, sink: number[] | null): number {
    if (piece.length > PIECE_CACHE_MAX_BYTES) {
      return bytePairMerge(piece, this.ranks, sink);
    }

    let ids = this.pieceCache.get(piece);
    if (ids === undefined) {
      ids = [];
      bytePairMerge(piece, this.ranks, ids);
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
