import { parseArgs } from 'node:util';
import { ENCODING_NAMES, isEncodingName } from '../core/tokens/encodings';
import { resolveTokenizerTarget, type TokenizerTarget } from '../core/tokens/models';
import { countCodePoints } from '../core/tokens/textStats';
import { getTokenizer } from '../core/tokens/tokenizer';
import { type CliIo, UsageError } from './errors';
import { decodeText, readInput } from './textInput';

export const TOKENS_USAGE = `\
Usage: llm-scope tokens [--model NAME | --encoding NAME] [--json] [FILE ...]
Counts tokens of each FILE (standard input when none is given) and their total.
Encodings: ${ENCODING_NAMES.join(', ')}. Default model: gpt-4o (o200k_base).`;

interface InputCount {
  readonly name: string;
  readonly tokens: number;
  readonly characters: number;
}

export async function tokensCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      model: { type: 'string' },
      encoding: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });

  const target = chooseTarget(values.model, values.encoding);
  const tokenizer = getTokenizer(target.encoding);
  const inputs: InputCount[] = [];

  const sources = positionals.length === 0 ? ['-'] : positionals;
  for (const source of sources) {
    const name = source === '-' ? '<stdin>' : source;
    const text = decodeText(name, source === '-' ? await io.readStdin() : await readInput(source));
    inputs.push({ name, tokens: tokenizer.count(text), characters: countCodePoints(text) });
  }

  const total = inputs.reduce((sum, input) => sum + input.tokens, 0);
  if (values.json) {
    io.stdout(`${JSON.stringify({ encoding: target.encoding, total, inputs })}\n`);
    return;
  }

  const width = String(total).length;
  for (const input of inputs) {
    io.stdout(`${String(input.tokens).padStart(width)}  ${input.name}\n`);
  }
  io.stdout(`${String(total).padStart(width)}  total (${target.encoding})\n`);
}

function chooseTarget(model: string | undefined, encoding: string | undefined): TokenizerTarget {
  if (model !== undefined && encoding !== undefined) {
    throw new UsageError('Give either --model or --encoding, not both.');
  }
  if (encoding !== undefined) {
    if (!isEncodingName(encoding)) {
      throw new UsageError(
        `Unknown encoding "${encoding}". Known encodings: ${ENCODING_NAMES.join(', ')}.`,
      );
    }
    return { encoding, model: undefined };
  }

  const name = model ?? 'gpt-4o';
  const target = resolveTokenizerTarget(name);
  if (target === undefined || (model !== undefined && target.model === undefined)) {
    throw new UsageError(`Unknown model "${name}". Use --encoding NAME for a raw encoding.`);
  }
  return target;
}
