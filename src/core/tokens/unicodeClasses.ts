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
 * U+0085), so a plain `\p{L}` or `\s` gives counts that differ from tiktoken's, and differ from
 * one host to another.
 *
 * Spelling all ranges out would fix that but makes V8's matcher several times slower than its
 * built-in property classes. So each class is the host's own property, corrected by set
 * operations (the `v` flag) for exactly the code points where the host's tables disagree with
 * Unicode 16.0: `[[\p{Lu}--[extra]]missing]`. The disagreements are found once per process by
 * scanning every code point with the host's classes (see `hostRanges`), so the result is the
 * same on every host whatever its Unicode version, and as fast as `\p{..}` where they agree.
 */
export interface PretokenizerClasses {
  /** Class operands for a pattern with the `v` flag: `\p{Lu}` or a nested `[...]`. */
  readonly upper: string;
  readonly lower: string;
  readonly titlecase: string;
  readonly modifier: string;
  readonly otherLetter: string;
  readonly letter: string;
  readonly mark: string;
  readonly number: string;
  /** Ranges only (`\u{9}-\u{d}...`), valid inside a class with either the `u` or `v` flag. */
  readonly whiteSpace: string;
}

/** A sorted list of disjoint inclusive ranges: first, last, first, last, ... */
type Ranges = readonly number[];

/** The General_Category values the patterns use, with the pinned Unicode 16.0 tables. */
const CATEGORIES = {
  upper: { property: 'Lu', pinned: UPPERCASE_LETTER },
  lower: { property: 'Ll', pinned: LOWERCASE_LETTER },
  titlecase: { property: 'Lt', pinned: TITLECASE_LETTER },
  modifier: { property: 'Lm', pinned: MODIFIER_LETTER },
  otherLetter: { property: 'Lo', pinned: OTHER_LETTER },
  mark: { property: 'M', pinned: MARK },
  number: { property: 'N', pinned: NUMBER },
} as const;

type Category = keyof typeof CATEGORIES;

let cached: PretokenizerClasses | undefined;

export function pretokenizerClasses(): PretokenizerClasses {
  cached ??= buildClasses(hostRanges());
  return cached;
}

function buildClasses(host: Record<Category, Ranges>): PretokenizerClasses {
  const operand = (category: Category): string => {
    const { property, pinned } = CATEGORIES[category];
    const wanted = decodeGaps(pinned);
    return correctedProperty(property, subtract(host[category], wanted), subtract(wanted,
      host[category]));
  };

  const upper = operand('upper');
  const lower = operand('lower');
  const titlecase = operand('titlecase');
  const modifier = operand('modifier');
  const otherLetter = operand('otherLetter');
  return {
    upper,
    lower,
    titlecase,
    modifier,
    otherLetter,
    letter: upper + lower + titlecase + modifier + otherLetter,
    mark: operand('mark'),
    number: operand('number'),
    whiteSpace: rangesBody(decodeGaps(WHITE_SPACE)),
  };
}

/** `\p{P}` less the code points in `extra`, plus those in `missing`. */
export function correctedProperty(property: string, extra: Ranges, missing: Ranges): string {
  let operand = `\\p{${property}}`;
  if (extra.length > 0) {
    operand = `[${operand}--[${rangesBody(extra)}]]`;
  }
  if (missing.length > 0) {
    operand = `[${operand}${rangesBody(missing)}]`;
  }
  return operand;
}

/**
 * The host engine's own ranges of each category, read off its `\p{..}` classes over a string of
 * every code point (surrogates aside: they belong to none of these categories). A first pass
 * with one class skips the unassigned space quickly; then one pass per category runs over what
 * it kept. About 0.1 s, once per process.
 */
export function hostRanges(): Record<Category, Ranges> {
  const names = Object.keys(CATEGORIES) as Category[];
  const properties = names.map((name) => `\\p{${CATEGORIES[name].property}}`);
  const anyCategory = new RegExp(`[${properties.join('')}]+`, 'gv');
  // U+0000 belongs to none of the categories, so no match below runs across two runs.
  const runs = Array.from(allCodePoints().matchAll(anyCategory), (match) => match[0]).join('\0');

  const found = {} as Record<Category, Ranges>;
  names.forEach((name, index) => {
    const ranges: number[] = [];
    for (const match of runs.matchAll(new RegExp(`${properties[index]}+`, 'gv'))) {
      const text = match[0];
      const lastUnit = text.charCodeAt(text.length - 1);
      const last = lastUnit >= 0xdc00 && lastUnit <= 0xdfff
        ? text.codePointAt(text.length - 2)!
        : lastUnit;
      appendRange(ranges, text.codePointAt(0)!, last);
    }
    found[name] = ranges;
  });
  return found;
}

function allCodePoints(): string {
  const bmp = 0x10000 - 0x800;
  const units = new Uint16Array(bmp + 2 * 0x100000);
  let at = 0;
  for (let codePoint = 0; codePoint < 0x10000; codePoint++) {
    if (codePoint < 0xd800 || codePoint > 0xdfff) {
      units[at++] = codePoint;
    }
  }
  for (let offset = 0; offset < 0x100000; offset++) {
    units[at++] = 0xd800 + (offset >> 10);
    units[at++] = 0xdc00 + (offset & 0x3ff);
  }
  return Buffer.from(units.buffer).toString('utf16le');
}

function appendRange(ranges: number[], first: number, last: number): void {
  // Keeps the ranges maximal, however the matches fell.
  if (ranges.length > 0 && ranges[ranges.length - 1] === first - 1) {
    ranges[ranges.length - 1] = last;
  } else {
    ranges.push(first, last);
  }
}

/** The generated tables store (gap from the previous range's end, length) pairs. */
function decodeGaps(gaps: readonly number[]): Ranges {
  const ranges: number[] = [];
  let position = 0;
  for (let i = 0; i < gaps.length; i += 2) {
    const first = position + gaps[i];
    const last = first + gaps[i + 1] - 1;
    ranges.push(first, last);
    position = last + 1;
  }
  return ranges;
}

/** Code points in `a` and not in `b`. */
export function subtract(a: Ranges, b: Ranges): Ranges {
  const result: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let first = a[i];
    const last = a[i + 1];
    while (j < b.length && b[j + 1] < first) {
      j += 2;
    }
    for (let k = j; k < b.length && b[k] <= last; k += 2) {
      if (b[k] > first) {
        result.push(first, b[k] - 1);
      }
      first = Math.max(first, b[k + 1] + 1);
    }
    if (first <= last) {
      result.push(first, last);
    }
  }
  return result;
}

function rangesBody(ranges: Ranges): string {
  const parts: string[] = [];
  for (let i = 0; i < ranges.length; i += 2) {
    const [first, last] = [ranges[i], ranges[i + 1]];
    parts.push(first === last ? escape(first) : `${escape(first)}-${escape(last)}`);
  }
  return parts.join('');
}

function escape(codePoint: number): string {
  return `\\u{${codePoint.toString(16)}}`;
}
