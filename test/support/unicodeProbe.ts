/**
 * Letters, digits and marks added in Unicode 16 and 17. The reference tiktoken (1.0.22) knows
 * Unicode 16 but not 17; a JavaScript engine knows whatever its ICU knows (Node 20 here: 17).
 * A pattern written with the host's `\p{L}` therefore disagrees with the reference on the
 * Unicode 17 ones here, and would on the Unicode 16 ones on an older host.
 */
export const RECENTLY_ASSIGNED: readonly string[] = [
  '\u{10d50}', // GARAY CAPITAL LETTER A (Unicode 16, Lu)
  '\u{10d70}', // GARAY SMALL LETTER A (Unicode 16, Ll)
  '\u{10d40}', // GARAY DIGIT ZERO (Unicode 16, Nd)
  '\u{1ccf0}', // OUTLINED DIGIT ZERO (Unicode 16, Nd)
  '\u{a7cb}', // LATIN CAPITAL LETTER RAMS HORN (Unicode 16, Lu)
  '\u{a7dc}', // LATIN CAPITAL LETTER LAMBDA WITH STROKE (Unicode 16, Lu)
  '\u{1c89}', // CYRILLIC CAPITAL LETTER TJE (Unicode 16, Lu)
  '\u{11380}', // TULU-TIGALARI LETTER A (Unicode 16, Lo)
  '\u{113b8}', // TULU-TIGALARI VOWEL SIGN AA (Unicode 16, Mc)
  '\u{16ea0}', // BERIA ERFE CAPITAL LETTER ARKAB (Unicode 17, Lu)
  '\u{10940}', // SIDETIC LETTER N01 (Unicode 17, Lo)
  '\u{1e6c0}', // TAI YO LETTER LOW KO (Unicode 17, Lo)
];
