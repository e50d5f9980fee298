import { Choices } from './random';

/** Common English words, most frequent first, so `pickFrequent` gives a plausible mix. */
const WORDS = (
  'the of and to a in is that it for was on are as with be by this at from or have an ' +
  'they which one you were all we her can there has been if more when will would who so ' +
  'no what out up into their do its about than them time some could these two may then ' +
  'first any only other new like most also made over such after even where many through ' +
  'back years much before how between well should because each just those people while ' +
  'great same work life under world still being own long very without against right ' +
  'place thought part found again however small number general course public ever old ' +
  'system year government house during early always high water problem order state ' +
  'within power given often important called later whether sometimes social national ' +
  'city change fact interest service market among possible less country family point ' +
  'program question light development level form large child school study research ' +
  'model data training language token budget compute result paper method approach ' +
  'evidence question answer simple clear careful different several certain various ' +
  'understand remember consider describe measure explain increase reduce provide ' +
  'although perhaps usually quickly slowly nearly exactly roughly especially'
).split(' ');

const CONTRACTIONS = [
  "don't", "it's", "we're", "they've", "I'm", "you'll", "he'd", "can't", "isn't", "that's",
];

const NAMES = [
  'Alice', 'Tanaka', 'Okonkwo', 'Müller', 'García', 'Ivanova', 'Chen', 'Dupont', 'Kowalski',
  'London', 'Nairobi', 'Kyoto', 'Lisbon', 'Monday', 'September', 'Chinchilla', 'Transformer',
];

/** Syllables for words no list holds, so the tokenizer meets unseen pieces as in real text. */
const SYLLABLES = (
  'con tra dic tion pre sent ver sa ble ment ing er ous ly graph ic al ist ize ab '
  + 'sorb ence neu ro mor phic quan tum bi o syn the sis'
).split(' ');

function rareWord(choices: Choices): string {
  let word = '';
  for (let i = choices.int(2, 5); i > 0; i--) {
    word += choices.pick(SYLLABLES);
  }
  return word;
}

function numberWord(choices: Choices): string {
  switch (choices.int(0, 3)) {
    case 0:
      return String(choices.int(1900, 2030));
    case 1:
      return `${choices.int(1, 99)}.${choices.int(0, 9)}%`;
    case 2:
      return choices.int(1, 999).toLocaleString('en-US') + ',' + String(choices.int(100, 999));
    default:
      return String(choices.int(2, 60));
  }
}

function word(choices: Choices): string {
  const roll = choices.float();
  if (roll < 0.04) {
    return rareWord(choices);
  }
  if (roll < 0.07) {
    return choices.pick(NAMES);
  }
  if (roll < 0.09) {
    return numberWord(choices);
  }
  if (roll < 0.12) {
    return choices.pick(CONTRACTIONS);
  }
  return choices.pickFrequent(WORDS);
}

export function sentence(choices: Choices): string {
  const words: string[] = [];
  for (let i = choices.int(5, 25); i > 0; i--) {
    let next = word(choices);
    if (i > 1 && choices.chance(0.07)) {
      next += choices.pick([',', ',', ',', ';', ' —', ':']);
    }
    words.push(next);
  }
  if (choices.chance(0.05)) {
    const at = choices.int(0, words.length - 1);
    words[at] = `(${words[at]})`;
  }

  const text = words.join(' ');
  const end = choices.pick(['.', '.', '.', '.', '.', '.', '?', '!', '...']);
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1) + end;
  return choices.chance(0.06) ? `"${capitalised}"` : capitalised;
}

/** One paragraph of English prose, sometimes after a Markdown heading. */
export function proseParagraph(choices: Choices): string {
  const sentences: string[] = [];
  for (let i = choices.int(3, 8); i > 0; i--) {
    sentences.push(sentence(choices));
  }
  const heading = choices.chance(0.05) ? `## ${sentence(choices).slice(0, 40).trim()}\n\n` : '';
  return `${heading}${sentences.join(' ')}\n\n`;
}
