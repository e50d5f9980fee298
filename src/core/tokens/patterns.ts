import { pretokenizerClasses } from './unicodeClasses';
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
 */
export function pretokenizerPattern(encoding: EncodingName): RegExp {
  const c = pretokenizerClasses();
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
