#!/usr/bin/env node
import { UncountableTextError } from '../core/tokens/tokenizer';
import { type CliIo, EXIT_USAGE, UsageError } from './errors';
import { SCALING_USAGE, scalingCommand } from './scalingCommand';
import { SIMILARITY_USAGE, similarityCommand } from './similarityCommand';
import { TOKENS_USAGE, tokensCommand } from './tokensCommand';

type Subcommand = (args: string[], io: CliIo) => Promise<void>;

const SUBCOMMANDS: Record<string, { run: Subcommand; usage: string }> = {
  tokens: { run: tokensCommand, usage: TOKENS_USAGE },
  scaling: { run: scalingCommand, usage: SCALING_USAGE },
  similarity: { run: similarityCommand, usage: SIMILARITY_USAGE },
};

const USAGE = `Usage: llm-scope <command> [options]
Commands:
${Object.values(SUBCOMMANDS)
  .map((command) => `  ${command.usage.split('\n')[0].replace('Usage: llm-scope ', '')}`)
  .join('\n')}
Run "llm-scope <command> --help" for details.`;

/** Runs one CLI invocation and returns its exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : SUBCOMMANDS[name];

  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout(`${USAGE}\n`);
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (command === undefined) {
    io.stderr(`llm-scope: unknown command "${name}".\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }

  try {
    await command.run(args, io);
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  // parseArgs throws TypeErrors with a code for unknown or malformed flags.
  const code = (error as { code?: string }).code;
  if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS') === true) {
    io.stderr(`llm-scope: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof UncountableTextError) {
    io.stderr(`llm-scope: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const exitCode = (error as { exitCode?: number }).exitCode;
  if (typeof exitCode === 'number') {
    io.stderr(`llm-scope: ${(error as Error).message}\n`);
    return exitCode;
  }
  io.stderr(`llm-scope: unexpected error: ${error instanceof Error ? error.message : error}\n`);
  return 1;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

if (require.main === module) {
  // A reader that stops early (`| head`) closes the pipe: that is the end, not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    process.exit(error.code === 'EPIPE' ? 0 : 1);
  });
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin,
  };
  void runCli(process.argv.slice(2), io).then((code) => {
    // A library's leftover timer (cohere-ai's, after a failed request) must not keep the
    // process alive once the answer is out: flush both streams, then exit.
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  });
}
