import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENCODING_NAMES } from '../../../../src/core/tokens/encodings';
import { getTokenizer } from '../../../../src/core/tokens/tokenizer';
import { oracleEncode } from '../../../support/oracle';
import { RECENTLY_ASSIGNED } from '../../../support/unicodeProbe';
import { randomText, seededRandom } from '../../../support/fuzzAlphabet';

const SAMPLES: Record<string, string> = {
  'English prose': 'The quick brown fox jumps over the lazy dog. It\'s 3:45pm, isn\'t it?',
  'source code': 'function add(a, b) {\n\treturn a + b; // sum\n}\n\n\nconst x = add(1, 22);\n',
  contractions: "I'M HERE, you're THERE, we'VE, they'LL, she'D, it'S, o'ſ",
  'CJK and emoji': '日本語のテキストです。한국어 텍스트 😀👍🏽👨‍👩‍👧 🇩🇪',
  'Arabic and Devanagari with marks': 'مرحبا بالعالم नमस्ते दुनिया क्षत्रिय',
  'digits of several kinds': '1234567 ١٢٣٤ ०१२३ ０１２ ²³ ½ Ⅻ 𝟘𝟙',
  'special-token text': '<|endoftext|> <|im_start|>user\nhi<|im_end|> <|fim_prefix|>',
  'white space of every kind': 'a\u0085b \ufeffc\u00a0d\u2028e\u3000\u3000f \r\n\r\n  \t\tg   ',
  'lone surrogates': 'x\ud800y\udfffz\ud83d',
  'letters and digits of Unicode 16 and 17': RECENTLY_ASSIGNED.join(' a'),
  'empty text': '',
};

describe('Tokenizer matches the official tiktoken', () => {
  for (const encoding of ENCODING_NAMES) {
    for (const [name, text] of Object.entries(SAMPLES)) {
      it(`${encoding}: ${name}`, () => {
        assert.deepEqual(getTokenizer(encoding).encode(text), oracleEncode(encoding, text));
      });
    }

    it(`${encoding}: count equals the number of ids`, () => {
      const text = Object.values(SAMPLES).join('\n');
      assert.equal(getTokenizer(encoding).count(text), oracleEncode(encoding, text).length);
    });

    it(`${encoding}: long runs of one character (merged through the heap)`, () => {
      const runs = ['a'.repeat(3000), ' '.repeat(2500), '='.repeat(1000), '7'.repeat(999),
        'ab'.repeat(700), '\n'.repeat(300) + 'x', 'Ж'.repeat(400)];
      for (const text of runs) {
        assert.deepEqual(getTokenizer(encoding).encode(text), oracleEncode(encoding, text));
      }
    });
  }
});

describe('Tokenizer fuzzed against the official tiktoken', () => {
  // LLM_SCOPE_FUZZ_INPUTS=100000 npm run test:unit runs a long fuzz; the default keeps CI quick.
  const INPUTS_PER_ENCODING = Number(process.env.LLM_SCOPE_FUZZ_INPUTS) || 3000;
  const SEED = Number(process.env.LLM_SCOPE_FUZZ_SEED) || 0x5eed;

  for (const encoding of ENCODING_NAMES) {
    it(`${encoding}: ${INPUTS_PER_ENCODING} random mixed-alphabet strings agree`, () => {
      const random = seededRandom(SEED + encoding.length);
      const tokenizer = getTokenizer(encoding);
      const mismatches: string[] = [];

      for (let i = 0; i < INPUTS_PER_ENCODING; i++) {
        const text = randomText(random, i % 10 === 0 ? 400 : 40);
        const expected = oracleEncode(encoding, text);
        if (tokenizer.encode(text).join() !== expected.join()) {
          mismatches.push(JSON.stringify(text));
        }
      }

      const summary = `${INPUTS_PER_ENCODING} inputs, ${mismatches.length} mismatches`;
      console.log(`fuzz ${encoding}: ${summary}`);
      assert.deepEqual(mismatches.slice(0, 5), []);
    });
  }
});

describe('Tokenizer on text that is all ASCII (its faster pattern)', () => {
  // Every ASCII character, with the ones the patterns treat specially given more weight.
  const ASCII = [
    ...Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)),
    ...' \t\n\r\v\f', '\r\n', '  ', '\n\n', "'s", "'T", "'re", "'LL", "'d", 'Hello', 'WORLD',
    'camelCase', '12345', '/', '//', '.\n/', ' ?', '== ', 'x', 'Z', '9',
  ];

  for (const encoding of ENCODING_NAMES) {
    it(`${encoding}: 2000 random ASCII strings agree`, () => {
      const random = seededRandom(0xa5c11 + encoding.length);
      const tokenizer = getTokenizer(encoding);
      const mismatches: string[] = [];

      for (let i = 0; i < 2000; i++) {
        let text = '';
        const parts = Math.floor(random() * (i % 10 === 0 ? 300 : 30));
        for (let j = 0; j < parts; j++) {
          text += ASCII[Math.floor(random() * ASCII.length)];
        }
        if (tokenizer.encode(text).join() !== oracleEncode(encoding, text).join()) {
          mismatches.push(JSON.stringify(text));
        }
      }

      assert.deepEqual(mismatches.slice(0, 5), []);
    });
  }
});
