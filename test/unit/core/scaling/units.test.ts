import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatAmount,
  formatPercent,
  formatScientific,
  parseCount,
  parseFraction,
  parsePrice,
  parseQuantity,
} from '../../../../src/core/scaling/units';

function value(text: string): number | undefined {
  const parsed = parseQuantity(text);
  return parsed.ok ? parsed.value : undefined;
}

function error(parsed: { ok: boolean; error?: string }): string {
  assert.equal(parsed.ok, false);
  return parsed.error ?? '';
}

describe('parseQuantity', () => {
  const cases: [string, number][] = [
    ['5.76e23', 5.76e23],
    ['5.76E+23', 5.76e23],
    ['70B', 70e9],
    ['70b', 70e9],
    ['1.4T', 1.4e12],
    ['2.5M', 2.5e6],
    ['300 billion', 300e9],
    ['15 trillion', 15e12],
    ['8K', 8e3],
    ['1,024', 1024],
    ['1_000_000', 1e6],
    ['3 × 10^24', 3e24],
    ['3x10^24', 3e24],
    ['.5B', 0.5e9],
    ['  42  ', 42],
    ['1e3 billion', 1e12],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}" as ${expected}`, () => {
      assert.equal(value(text), expected);
    });
  }

  it('asks for a number when the field is empty', () => {
    assert.match(error(parseQuantity('  ')), /Enter a number such as 70B/);
  });

  it('rejects negative sizes', () => {
    assert.match(error(parseQuantity('-70B')), /positive/);
  });

  it('rejects zero unless zero is allowed', () => {
    assert.match(error(parseQuantity('0')), /greater than zero/);
    assert.deepEqual(parseQuantity('0', { allowZero: true }), { ok: true, value: 0 });
  });

  it('names an unknown unit and lists the known ones', () => {
    assert.match(error(parseQuantity('70 furlongs')), /Unknown unit "furlongs".*K, M, B or T/);
  });

  it('refuses a comma used as a decimal separator', () => {
    assert.match(error(parseQuantity('1,4T')), /decimals with a dot/);
  });

  it('rejects text that is not a number and values past the float range', () => {
    assert.match(error(parseQuantity('lots')), /is not a number/);
    assert.match(error(parseQuantity('NaN')), /is not a number/);
    assert.match(error(parseQuantity('1e400')), /too large/);
  });
});

describe('parseFraction, parseCount, parsePrice', () => {
  it('reads an MFU as a fraction or a percentage', () => {
    assert.deepEqual(parseFraction('0.4'), { ok: true, value: 0.4 });
    assert.deepEqual(parseFraction('40%'), { ok: true, value: 0.4 });
  });

  it('refuses an MFU of 40 without a percent sign, suggesting both forms', () => {
    assert.match(error(parseFraction('40')), /40% with a percent sign, or as the fraction 0.4/);
  });

  it('refuses an MFU of zero or above 100%', () => {
    assert.match(error(parseFraction('0')), /more than 0%/);
    assert.match(error(parseFraction('120%')), /at most 100%/);
  });

  it('reads whole accelerator counts and refuses fractions of one', () => {
    assert.deepEqual(parseCount('2K'), { ok: true, value: 2000 });
    assert.match(error(parseCount('2.5')), /whole number/);
  });

  it('reads a price with or without a dollar sign; empty means no price', () => {
    assert.deepEqual(parsePrice('$2.50'), { ok: true, value: 2.5 });
    assert.deepEqual(parsePrice('2'), { ok: true, value: 2 });
    assert.deepEqual(parsePrice(''), { ok: true, value: undefined });
    assert.match(error(parsePrice('-1')), /US dollars/);
  });
});

describe('formatting', () => {
  it('writes sizes with K, M, B and T to three significant digits', () => {
    assert.equal(formatAmount(70e9), '70B');
    assert.equal(formatAmount(1.4e12), '1.4T');
    assert.equal(formatAmount(40_361_000_000), '40.4B');
    assert.equal(formatAmount(2.5e6), '2.5M');
    assert.equal(formatAmount(216.2e12), '216T');
  });

  it('writes FLOPs as the papers do', () => {
    assert.equal(formatScientific(5.76e23), '5.76e23');
    assert.equal(formatScientific(1e24), '1e24');
    assert.equal(formatScientific(3.8e25), '3.8e25');
  });

  it('never shows NaN: non-finite values become a dash', () => {
    assert.equal(formatAmount(Number.NaN), '—');
    assert.equal(formatScientific(Infinity), '—');
    assert.equal(formatPercent(Number.NaN), '—');
  });
});
