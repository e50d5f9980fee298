import { Choices } from './random';

/** Frequent Chinese characters, roughly most frequent first. */
const HANZI = [
  ...'的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可',
  ...'她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三',
  ...'已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女',
  ...'问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由',
  ...'却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路',
  ...'期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八',
  ...'特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花',
  ...'模型训练数据词元预算计算参数语言',
];

const HANZI_PUNCTUATION = ['，', '，', '，', '。', '。', '、', '；', '：', '！', '？'];

/** Hiragana U+3041..U+3093 and katakana U+30A1..U+30F3. */
const HIRAGANA = Array.from({ length: 0x53 }, (_, i) => String.fromCodePoint(0x3041 + i));
const KATAKANA = Array.from({ length: 0x53 }, (_, i) => String.fromCodePoint(0x30a1 + i));

/** Hangul syllables are computed: U+AC00 + (initial * 21 + vowel) * 28 + final. */
function hangulSyllable(choices: Choices): string {
  // Plain consonants only: the tense ones (ㄲ, ㄸ, ㅃ, ㅆ, ㅉ) are rare in running text.
  const initial = choices.pick([0, 2, 3, 5, 6, 7, 9, 11, 12, 14, 15, 16, 17, 18]);
  const vowel = choices.pickFrequent([0, 4, 8, 13, 18, 20, 1, 6, 2, 11]);
  const final = choices.chance(0.4) ? choices.pick([4, 8, 16, 17, 21, 1]) : 0;
  return String.fromCodePoint(0xac00 + (initial * 21 + vowel) * 28 + final);
}

function chineseSentence(choices: Choices): string {
  let text = '';
  for (let i = choices.int(8, 40); i > 0; i--) {
    text += choices.pickFrequent(HANZI);
    if (choices.chance(0.08)) {
      text += choices.pick(HANZI_PUNCTUATION);
    } else if (choices.chance(0.01)) {
      text += choices.pick(['2024年', 'GPT-4', '3.5%', 'AI']);
    }
  }
  return text + '。';
}

function japaneseSentence(choices: Choices): string {
  let text = '';
  for (let i = choices.int(4, 16); i > 0; i--) {
    const roll = choices.float();
    const script = roll < 0.5 ? HIRAGANA : roll < 0.8 ? HANZI : KATAKANA;
    for (let j = choices.int(1, 4); j > 0; j--) {
      text += choices.pickFrequent(script);
    }
  }
  return text + choices.pick(['。', '。', '、', '！']);
}

function koreanSentence(choices: Choices): string {
  const words: string[] = [];
  for (let i = choices.int(3, 10); i > 0; i--) {
    let word = '';
    for (let j = choices.int(1, 4); j > 0; j--) {
      word += hangulSyllable(choices);
    }
    words.push(word);
  }
  return words.join(' ') + '. ';
}

/** A paragraph of Chinese, Japanese or Korean, in about the proportions 6 : 3 : 1. */
export function cjkParagraph(choices: Choices): string {
  const roll = choices.float();
  const write = roll < 0.6 ? chineseSentence : roll < 0.9 ? japaneseSentence : koreanSentence;
  let text = '';
  for (let i = choices.int(2, 6); i > 0; i--) {
    text += write(choices);
  }
  return text + '\n\n';
}
