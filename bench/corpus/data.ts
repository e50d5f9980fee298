import { sentence } from './prose';
import { Choices } from './random';

const FIRST_NAMES = ['Ada', 'Grace', 'Linus', 'Yuki', 'Amara', 'Mateo', 'Priya', 'Olga', 'Sven'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Okafor', 'Sato', 'Novak', 'Haddad', 'Silva', 'Berg'];
const CITIES = ['Berlin', 'Lagos', 'Osaka', 'Quito', 'Tromsø', 'São Paulo', 'Zürich', 'Pune'];
const TAGS = ['admin', 'beta', 'trial', 'enterprise', 'eu-west-1', 'legacy', 'vip', 'mobile'];

function hex(choices: Choices, digits: number): string {
  let text = '';
  for (let i = 0; i < digits; i++) {
    text += '0123456789abcdef'.charAt(choices.int(0, 15));
  }
  return text;
}

function isoDate(choices: Choices): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${choices.int(2015, 2025)}-${pad(choices.int(1, 12))}-${pad(choices.int(1, 28))}T`
    + `${pad(choices.int(0, 23))}:${pad(choices.int(0, 59))}:${pad(choices.int(0, 59))}Z`;
}

function record(choices: Choices, id: number): unknown {
  const first = choices.pick(FIRST_NAMES);
  const last = choices.pick(LAST_NAMES);
  return {
    id,
    uuid: [8, 4, 4, 4, 12].map((digits) => hex(choices, digits)).join('-'),
    name: `${first} ${last}`,
    email: `${first}.${last}${choices.int(1, 99)}@mail.test`.toLowerCase(),
    active: choices.chance(0.8),
    score: Math.round(choices.float() * 1e6) / 1e4,
    tags: Array.from({ length: choices.int(0, 4) }, () => choices.pick(TAGS)),
    address: choices.chance(0.1)
      ? null
      : { city: choices.pick(CITIES), zip: String(choices.int(10000, 99999)) },
    createdAt: isoDate(choices),
    note: choices.chance(0.4) ? sentence(choices) : '',
  };
}

/** Records of a JSON array, pretty-printed with two spaces as APIs and config files are. */
export function jsonRecords(choices: Choices): () => string {
  let id = 0;
  return () => {
    const lead = id === 0 ? '[\n' : ',\n';
    const body = JSON.stringify(record(choices, ++id), null, 2).replace(/^/gm, '  ');
    return lead + body;
  };
}

/** Base64 of random bytes on one line, as in a data URI or an inlined asset. */
export function base64Chunk(choices: Choices): string {
  const bytes = new Uint8Array(3 * 1024);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = choices.int(0, 255);
  }
  return Buffer.from(bytes).toString('base64');
}

/**
 * Digit runs of 6 to 200 digits (IDs, hashes in decimal, digits of constants) between
 * separators. GPT-2-era encodings keep a whole run as one piece, so this also probes how a
 * merge copes with long pieces.
 */
export function digitRun(choices: Choices): string {
  let digits = String(choices.int(1, 9));
  for (let i = choices.logInt(6, 200) - 1; i > 0; i--) {
    digits += String(choices.int(0, 9));
  }
  return digits + choices.pick([' ', ' ', ', ', '\n']);
}
