import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChunkCountCache, countInChunks } from '../../../../src/core/tokens/chunkedCount';
import { type ChunkSizes, splitIntoChunks } from '../../../../src/core/tokens/chunking';
import { ENCODING_NAMES, type EncodingName } from '../../../../src/core/tokens/encodings';
import { FUZZ_ALPHABET, seededRandom } from '../../../support/fuzzAlphabet';
import { oracleCount } from '../../../support/oracle';

/** Sizes small enough that a text of a few dozen characters is cut wherever a cut is safe. */
const TINY: ChunkSizes = { minChars: 1, maxChars: 2, meanGapChars: 2 };

/** Line breaks and their neighbours, which decide where a cut is safe. */
const LINE_PARTS = ['\n', '\n', '\n', '\r\n', '\n\n', ' \n', '\n ', '\n\t', '\n/', '/', ' ',
  '\t', '  ', 'x', 'Q', '}', ';', '7', "'s", '\u00a0', '\u3000', '\u0085', '日本', 'é'];

/** Lines of code-like ASCII with indentation, some trailing spaces, some CRLF line ends. */
function randomLines(random: () => number, lines: number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const words = ['const', 'x', '=', '42;', '//', 'note', 'Hello,', 'world.', '{', '}', '/*', '*/'];
  let text = '';

  for (let i = 0; i < lines; i++) {
    const line = Array.from({ length: Math.floor(random() * 8) }, () => pick(words));
    text += pick(['', '', ' ', '\t', '    ']) + line.join(pick([' ', ' ', ' ', '  ']));
    text += pick(['\n', '\n', '\n', '\n', '\n', '\n', '\n', ' \n', '\r\n', '\n\n']);
  }
  return text;
}

function randomMixedText(random: () => number): string {
  let text = '';
  const parts = Math.floor(random() * 60);
  for (let i = 0; i < parts; i++) {
    const roll = random();
    if (roll < 0.4) {
      text += FUZZ_ALPHABET[Math.floor(random() * FUZZ_ALPHABET.length)];
    } else if (roll < 0.9) {
      text += LINE_PARTS[Math.floor(random() * LINE_PARTS.length)];
    } else {
      text += randomLines(random, 2);
    }
  }
  return text;
}

function chunkedCount(text: string, encoding: EncodingName, sizes: ChunkSizes): number {
  const count = countInChunks([text], encoding, new ChunkCountCache(), { sizes });
  assert.ok(count !== undefined);
  return count;
}

describe('chunked counts equal the official tiktoken count of the whole text', () => {
  const INPUTS_PER_ENCODING = 1500;

  for (const encoding of ENCODING_NAMES) {
    it(`${encoding}: ${INPUTS_PER_ENCODING} random texts cut wherever a cut is safe`, () => {
      const random = seededRandom(0xc0de + encoding.length);
      const mismatches: string[] = [];
      let cuts = 0;

      for (let i = 0; i < INPUTS_PER_ENCODING; i++) {
        const text = randomMixedText(random);
        const chunks = splitIntoChunks(text, encoding, TINY);
        assert.equal(chunks.join(''), text);
        cuts += chunks.length - 1;
        if (chunkedCount(text, encoding, TINY) !== oracleCount(encoding, text)) {
          mismatches.push(JSON.stringify(chunks));
        }
      }

      console.log(`chunking fuzz ${encoding}: ${cuts} cuts, ${mismatches.length} mismatches`);
      assert.deepEqual(mismatches.slice(0, 5), []);
      assert.ok(cuts > INPUTS_PER_ENCODING, `only ${cuts} cuts: the fuzz tests too little`);
    });
  }

  it('never cuts where the cut would change the count', () => {
    // Each pair is cut in a place that looks like a line boundary but is not one for the
    // encoding: the official counts of the halves do not add up to the count of the whole.
    const traps: [EncodingName, string, string][] = [
      ['o200k_base', '}\n', '//x'],
      ['o200k_base', 'a\n', '\nb'],
      ['cl100k_base', 'a\n', ' \nb'],
      ['r50k_base', 'a\n\n', 'b'],
      ['p50k_base', 'x.\n\n', 'y'],
    ];

    for (const [encoding, head, tail] of traps) {
      const text = head + tail;
      const expected = oracleCount(encoding, text);
      assert.notEqual(oracleCount(encoding, head) + oracleCount(encoding, tail), expected);
      assert.ok(!splitIntoChunks(text, encoding, TINY).includes(tail), `${encoding} cut there`);
      assert.equal(chunkedCount(text, encoding, TINY), expected);
    }
  });

  it('cuts text whose every line is indented (pretty-printed JSON)', () => {
    const items = Array.from({ length: 1_500 }, (_, i) => ({ id: i, name: `item ${i}`, on: true }));
    const json = JSON.stringify(items, null, 2);
    const sizes: ChunkSizes = { minChars: 2_048, maxChars: 16_384, meanGapChars: 2_048 };

    for (const encoding of ENCODING_NAMES) {
      const chunks = splitIntoChunks(json, encoding, sizes);
      assert.ok(chunks.length > 10, `${encoding}: ${chunks.length} chunks`);
      assert.equal(chunkedCount(json, encoding, sizes), oracleCount(encoding, json));
    }
  });

  it('keeps a text without a safe cut (one long line) as one chunk', () => {
    const line = 'word, '.repeat(50_000);
    for (const encoding of ENCODING_NAMES) {
      assert.deepEqual(splitIntoChunks(line, encoding, { ...TINY, minChars: 10 }), [line]);
    }
  });
});

describe('an edit in the middle of a large text', () => {
  const SIZES: ChunkSizes = { minChars: 2_048, maxChars: 32_768, meanGapChars: 2_048 };
  const text = randomLines(seededRandom(7), 20_000);
  const middle = text.indexOf('\n', text.length >> 1) + 1;
  const edited = `${text.slice(0, middle)}const inserted = 'one new line';\n${text.slice(middle)}`;

  for (const encoding of ENCODING_NAMES) {
    it(`${encoding}: leaves all chunks but the few near the edit as they were`, () => {
      const before = splitIntoChunks(text, encoding, SIZES);
      const after = splitIntoChunks(edited, encoding, SIZES);
      const unchanged = new Set(before);
      const changed = after.filter((chunk) => !unchanged.has(chunk));

      assert.ok(before.length > 20, `only ${before.length} chunks`);
      assert.ok(changed.length <= 3, `${changed.length} of ${after.length} chunks changed`);
      assert.deepEqual(after.slice(0, 5), before.slice(0, 5));
      assert.deepEqual(after.slice(-5), before.slice(-5));
    });

    it(`${encoding}: recounts only the changed chunks and gets the official count`, () => {
      const cache = new ChunkCountCache();
      const tokensBefore = countInChunks([text], encoding, cache, { sizes: SIZES });
      assert.equal(tokensBefore, oracleCount(encoding, text));
      const countedBefore = cache.misses;

      const tokens = countInChunks([edited], encoding, cache, { sizes: SIZES });

      assert.equal(tokens, oracleCount(encoding, edited));
      assert.ok(cache.misses - countedBefore <= 3, `${cache.misses - countedBefore} recounted`);
    });
  }
});

describe('countInChunks', () => {
  it('stops when asked to and returns undefined', () => {
    let asked = 0;
    const text = randomLines(seededRandom(3), 2_000);
    const isCancelled = (): boolean => ++asked > 2;
    const sizes: ChunkSizes = { minChars: 256, maxChars: 4_096, meanGapChars: 256 };
    const cache = new ChunkCountCache();

    const tokens = countInChunks([text], 'o200k_base', cache, { sizes, isCancelled });

    assert.equal(tokens, undefined);
    assert.equal(asked, 3);
  });

  it('forgets the least recently used chunks beyond its bound', () => {
    const cache = new ChunkCountCache(2);
    for (const chunk of ['one', 'two', 'one', 'three']) {
      cache.tokensOf(chunk, 'cl100k_base');
    }
    cache.tokensOf('one', 'cl100k_base');

    assert.equal(cache.size, 2);
    assert.deepEqual({ hits: cache.hits, misses: cache.misses }, { hits: 2, misses: 3 });
  });
});
