import {
  LOWERCASE_LETTER,
  MARK,
  MODIFIER_LETTER,
  NUMBER,
  OTHER_LETTER,
  TITLECASE_LETTER,
  UPPERCASE_LETTER,
  WHITE_SPACE,
} from './unicodeClasses.generated';

/**
 * Character classes of the pre-tokenizer, pinned to Unicode 16.0.
 *
 * The official tiktoken matches `\p{L}`, `\p{N}`, `\p{M}` and `\s` with the tables of the Rust
 * regex crate: Unicode 16.0 in tiktoken 1.0.22, and `\s` is the White_Space property.
 * JavaScript engines use their own ICU version and their own `\s` (which adds U+FEFF and lacks
 * U+0085), so writing `\p{L}` or `\s` in a JS pattern gives counts that differ from tiktoken's
 * and from one host to another. These bodies spell every
 * range out instead, so the host's Unicode version never matters.
 */
export interface PretokenizerClasses {
  readonly upper: string;
  readonly lower: string;
  readonly titlecase: string;
  readonly modifier: string;
  readonly otherLetter: string;
  readonly letter: string;
  readonly mark: string;
  readonly number: string;
  readonly whiteSpace: string;
}

let cached: PretokenizerClasses | undefined;

/** Bodies (the part between `[` and `]`) of the classes, for a regular expression with `u`. */
export function pretokenizerClasses(): PretokenizerClasses {
  cached ??= buildClasses();
  return cached;
}

function buildClasses(): PretokenizerClasses {
  const upper = classBody(UPPERCASE_LETTER);
  const lower = classBody(LOWERCASE_LETTER);
  const titlecase = classBody(TITLECASE_LETTER);
  const modifier = classBody(MODIFIER_LETTER);
  const otherLetter = classBody(OTHER_LETTER);

  return {
    upper,
    lower,
    titlecase,
    modifier,
    otherLetter,
    letter: upper + lower + titlecase + modifier + otherLetter,
    mark: classBody(MARK),
    number: classBody(NUMBER),
    whiteSpace: classBody(WHITE_SPACE),
  };
}

/** Turns (gap, length) pairs into `\u{..}-\u{..}` ranges. */
function classBody(deltas: readonly number[]): string {
  const parts: string[] = [];
  let position = 0;

  for (let i = 0; i < deltas.length; i += 2) {
    const first = position + deltas[i];
    const last = first + deltas[i + 1] - 1;
    parts.push(first === last ? escape(first) : `${escape(first)}-${escape(last)}`);
    position = last + 1;
  }

  return parts.join('');
}

function escape(codePoint: number): string {
  return `\\u{${codePoint.toString(16)}}`;
}
