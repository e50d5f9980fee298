import { type PretokenizerClasses, pretokenizerClasses } from './unicodeClasses';
import type { EncodingName } from './encodings';

/**
 * The pre-tokenizer patterns of the OpenAI encodings, with tiktoken's semantics.
 *
 * Differences from the published patterns, each needed for tiktoken's exact behaviour in a
 * JavaScript engine:
 * - every `\p{..}` and `\s` is replaced by a class pinned to Unicode 16.0 (see unicodeClasses),
 *   which needs the `v` flag (class set operations);
 * - `(?i:'s|...)` is spelled out, and `s` also matches U+017F LATIN SMALL LETTER LONG S, which
 *   case-folds to `s` in the Rust regex crate.
 *
 * With ASCII_CLASSES the pattern finds the same pieces in text that is all ASCII, several
 * times faster: V8 matches small ASCII classes with a table lookup.
 */
export function pretokenizerPattern(
  encoding: EncodingName,
  c: PretokenizerClasses = pretokenizerClasses(),
): RegExp {
  const letter = c.letter;
  const ws = c.whiteSpace;
  const contraction = "'[sS\\u{17f}]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD]";
  const trailingSpace = `[${ws}]+(?![^${ws}])|[${ws}]+`;

  switch (encoding) {
    case 'o200k_base': {
      const upperish = `[${c.upper}${c.titlecase}${c.modifier}${c.otherLetter}${c.mark}]`;
      const lowerish = `[${c.lower}${c.modifier}${c.otherLetter}${c.mark}]`;
      const lead = `[^\\r\\n${letter}${c.number}]?`;
      const suffix = `(?:${contraction})?`;
      return new RegExp(
        [
          `${lead}${upperish}*${lowerish}+${suffix}`,
          `${lead}${upperish}+${lowerish}*${suffix}`,
          `[${c.number}]{1,3}`,
          ` ?[^${ws}${letter}${c.number}]+[\\r\\n\\/]*`,
          `[${ws}]*[\\r\\n]+`,
          trailingSpace,
        ].join('|'),
        'gv',
      );
    }
    case 'cl100k_base':
      return new RegExp(
        [
          contraction,
          `[^\\r\\n${letter}${c.number}]?[${letter}]+`,
          `[${c.number}]{1,3}`,
          ` ?[^${ws}${letter}${c.number}]+[\\r\\n]*`,
          `[${ws}]*[\\r\\n]+`,
          trailingSpace,
        ].join('|'),
        'gv',
      );
    case 'p50k_base':
    case 'r50k_base':
      // GPT-2's pattern is case-sensitive: "'S" is not a contraction here.
      return new RegExp(
        [
          "'s|'t|'re|'ve|'m|'ll|'d",
          ` ?[${letter}]+`,
          ` ?[${c.number}]+`,
          ` ?[^${ws}${letter}${c.number}]+`,
          trailingSpace,
        ].join('|'),
        'gv',
      );
  }
}

/** The classes restricted to ASCII: exact for text without a character above U+007F. */
export const ASCII_CLASSES: PretokenizerClasses = {
  upper: 'A-Z',
  lower: 'a-z',
  titlecase: '',
  modifier: '',
  otherLetter: '',
  letter: 'A-Za-z',
  mark: '',
  number: '0-9',
  whiteSpace: '\\t-\\r ',
};

