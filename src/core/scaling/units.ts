/**
 * Reading and writing the magnitudes a user types: `5.76e23`, `70B`, `1.4T`, `2.5M`,
 * `300 billion`, `1,024`, `3 × 10^24`. Parsers return a result instead of throwing, because
 * the webview validates on every keystroke and shows the message beside the field.
 */

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string };

export interface QuantityOptions {
  /** Accept 0 (for example "no inference tokens"). */
  readonly allowZero?: boolean;
}

/** Powers of ten, so "5.76e23" and "1.4T" are read by one decimal conversion, unrounded. */
const UNIT_EXPONENTS: Record<string, number> = {
  '': 0,
  k: 3,
  thousand: 3,
  m: 6,
  mn: 6,
  million: 6,
  b: 9,
  bn: 9,
  billion: 9,
  t: 12,
  trillion: 12,
  q: 15,
  quadrillion: 15,
};

const QUANTITY = new RegExp(
  '^(?<mantissa>\\d[\\d_,]*(?:\\.\\d*)?|\\.\\d+)' +
    '(?:\\s*e\\s*(?<exponent>[+-]?\\d+)|\\s*[x×*]\\s*10\\s*\\^\\s*(?<power>[+-]?\\d+))?' +
    '\\s*(?<unit>[a-z]*)$',
  'i',
);

const HINT = 'Enter a number such as 70B, 1.4T, 300 billion or 5.76e23.';

export function parseQuantity(text: string, options: QuantityOptions = {}): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return fail(HINT);
  }
  if (/^[-−]/.test(trimmed)) {
    return fail('Must be positive, not negative.');
  }

  const match = QUANTITY.exec(trimmed);
  if (match?.groups === undefined) {
    return fail(`"${trimmed}" is not a number. ${HINT}`);
  }

  const { mantissa, exponent, power, unit } = match.groups;
  if (mantissa.includes(',') && !/^\d{1,3}(,\d{3})*(\.\d*)?$/.test(mantissa)) {
    return fail(`"${mantissa}": commas group thousands; write decimals with a dot.`);
  }
  const unitExponent = findUnitExponent(unit);
  if (unitExponent === undefined) {
    return fail(`Unknown unit "${unit}". Use K, M, B or T, or a word such as billion.`);
  }

  const digits = mantissa.replace(/[_,]/g, '');
  const value = Number(`${digits}e${Number(exponent ?? power ?? 0) + unitExponent}`);
  if (!Number.isFinite(value)) {
    return fail(`"${trimmed}" is too large.`);
  }
  if (value === 0 && options.allowZero !== true) {
    return fail('Must be greater than zero.');
  }
  return { ok: true, value };
}

/** A utilisation such as MFU: `0.4` or `40%`, greater than 0 and at most 1. */
export function parseFraction(text: string): Parsed<number> {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const number = Number(percent ? trimmed.slice(0, -1).trim() : trimmed);
  if (trimmed === '' || !Number.isFinite(number)) {
    return fail('Enter a fraction such as 0.4 or a percentage such as 40%.');
  }
  const value = percent ? number / 100 : number;
  if (!percent && value > 1 && value <= 100) {
    return fail(`Write ${number}% with a percent sign, or as the fraction ${number / 100}.`);
  }
  if (!(value > 0 && value <= 1)) {
    return fail('Must be more than 0% and at most 100%.');
  }
  return { ok: true, value };
}

/** A whole, positive count such as a number of GPUs: `8`, `1,024`, `16K`. */
export function parseCount(text: string): Parsed<number> {
  const parsed = parseQuantity(text);
  if (!parsed.ok) {
    return parsed;
  }
  if (!Number.isInteger(parsed.value)) {
    return fail('Must be a whole number.');
  }
  return parsed;
}

/** A price per hour in US dollars, `2.5` or `$2.50`; empty means "no price given". */
export function parsePrice(text: string): Parsed<number | undefined> {
  const trimmed = text.trim().replace(/^\$\s*/, '');
  if (trimmed === '') {
    return { ok: true, value: undefined };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0) {
    return fail('Enter a price in US dollars per GPU-hour, such as 2.50, or leave it empty.');
  }
  return { ok: true, value };
}

function findUnitExponent(unit: string): number | undefined {
  const lower = unit.toLowerCase();
  return UNIT_EXPONENTS[lower] ?? UNIT_EXPONENTS[lower.replace(/s$/, '')];
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

const SUFFIXES: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** 7.0e10 → "70B", 1.4e12 → "1.4T", 3.7e14 → "370T"; beyond 1e15, scientific. */
export function formatAmount(value: number): string {
  if (!Number.isFinite(value)) {
    return '—';
  }
  if (value >= 1e15) {
    return formatScientific(value);
  }
  for (const [scale, suffix] of SUFFIXES) {
    if (value >= scale) {
      return `${trimDigits(value / scale)}${suffix}`;
    }
  }
  return trimDigits(value);
}

/** 5.76e23 → "5.76e23": the form the papers use for FLOPs. */
export function formatScientific(value: number): string {
  if (!Number.isFinite(value)) {
    return '—';
  }
  return value.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e');
}

/** Three significant digits, grouping for large values: 20.3, 0.0123, 1,720,320. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) {
    return '—';
  }
  if (Math.abs(value) >= 1000) {
    return Math.round(value).toLocaleString('en-US');
  }
  return trimDigits(value);
}

/** 0.174 → "17.4%". */
export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${trimDigits(fraction * 100)}%` : '—';
}

function trimDigits(value: number): string {
  return String(Number(value.toPrecision(3)));
}
