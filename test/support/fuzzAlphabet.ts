import { RECENTLY_ASSIGNED } from './unicodeProbe';

/**
 * Characters that exercise every corner of the pre-tokenizer patterns: white space of every
 * kind (including U+0085 and U+FEFF, on which JavaScript's \s and Rust's disagree), apostrophes
 * and contraction letters (with U+017F, which case-folds to "s"), letters of several scripts and
 * Unicode versions, digits of several kinds, marks, emoji, and lone surrogates.
 */
export const FUZZ_ALPHABET: readonly string[] = [
  ...' \t\n\r\v\f\u0085\u00a0\u1680\u2000\u2007\u200a\u2028\u2029\u202f\u205f\u3000',
  '\ufeff', '\u200b', '\u180e', '\r\n', '  ', '\n\n',
  "'", "'", "'", '\u2019', '\u02bc', 's', 'S', '\u017f', 't', 'T', 're', 'RE', 've', 'm', 'll',
  'LL', 'd', 'D', 'K', '\u212a',
  // U+0295 is Ll in Unicode 16 and Lo in 17: o200k's upper/lower split sees the change.
  '\u0295', 'a\u0295', 'A\u0295b',
  ...'aZzQeE', 'Hello', 'WORLD', 'camelCase', 'ǅ', 'ǈ', 'ʰ', 'ß', 'İ', 'ı',
  ...'αΩβψ', ...'ЖжЁё', ...'日本語中文', ...'ひらがなカタカナ', ...'한국어', ...'العربية', ...'עברית',
  'नमस्ते', 'क्ष', '\u0301', '\u0308', '\u20dd', '\u093f', '\u0e31',
  ...'0123456789', '٣', '۴', '१', '０', '²', '½', 'Ⅻ', '𝟘', '12345',
  ...'.,;:!?-_/\\|()[]{}<>@#$%^&*+=~`"', '<|endoftext|>', '<|im_start|>', '<|fim_prefix|>',
  '😀', '👍🏽', '👨‍👩‍👧', '🇩🇪', '\u200d', '\ufe0f', '\u{1f9d1}', '\u{e0041}', '\u{10ffff}',
  '\ud800', '\udfff', '\ud83d', '\u0000', '\u0007', '\u007f', '\u00ad', '\ufffd',
  ...RECENTLY_ASSIGNED,
];

/** A deterministic generator (mulberry32), so a failing input can be reproduced from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomText(random: () => number, maxParts: number): string {
  const parts = Math.floor(random() * maxParts);
  let text = '';
  for (let i = 0; i < parts; i++) {
    text += FUZZ_ALPHABET[Math.floor(random() * FUZZ_ALPHABET.length)];
  }
  return text;
}
