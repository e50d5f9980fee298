import { ENCODING_NAMES, type EncodingName } from '../src/core/tokens/encodings';

export const SECTION_NAMES = ['throughput', 'scaling', 'cold-start'] as const;

export type SectionName = (typeof SECTION_NAMES)[number];

export interface BenchOptions {
  /** Size of each realistic corpus file, in MB (10^6 bytes of UTF-8). */
  readonly sizeMb: number;
  readonly reps: number;
  readonly encodings: readonly EncodingName[];
  /** Corpus files to measure, by name; null for all. */
  readonly files: readonly string[] | null;
  readonly sections: readonly SectionName[];
  readonly capSeconds: number;
  readonly coldProcesses: number;
  readonly verifyLong: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]
  --size-mb N         size of each realistic corpus file in MB (default 1, or $BENCH_SIZE_MB)
  --quick             0.25 MB files, o200k_base and cl100k_base, 1 cold-start process
  --reps N            calls per peer and file after the first (cold) one; the median is
                      reported (default 3)
  --encodings A,B     encodings to measure (default all: ${ENCODING_NAMES.join(', ')})
  --files A,B         corpus files to measure, e.g. prose,run-1M (default all)
  --sections A,B      any of ${SECTION_NAMES.join(', ')} (default all)
  --cap-s N           stop a call after N s per MB of input, giving the peer up on that file
                      (default 3)
  --cold-processes N  fresh processes per library and encoding for cold start (default 3)
  --verify-long       also get tiktoken's count, once, for run-100k (12-30 s an encoding)
`;

function fail(message: string): never {
  throw new Error(`${message}\n\n${USAGE}`);
}

function positiveNumber(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (value === undefined || !Number.isFinite(number) || number <= 0) {
    fail(`${flag} needs a positive number, got ${value ?? 'nothing'}.`);
  }
  return number;
}

function list(flag: string, value: string | undefined): string[] {
  if (value === undefined || value === '') {
    fail(`${flag} needs a comma-separated list.`);
  }
  return value.split(',').map((item) => item.trim());
}

/** A comma-separated list whose every item must be one of `allowed`. */
function listOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T[] {
  const isAllowed = (item: string): item is T => (allowed as readonly string[]).includes(item);
  return list(flag, value).map((item) =>
    isAllowed(item) ? item : fail(`${flag}: unknown ${item}; known: ${allowed.join(', ')}.`),
  );
}

/** Reads the command line; explicit flags win over what --quick sets, in any order. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const quick = argv.includes('--quick');
  const sizeFromEnv = env.BENCH_SIZE_MB;
  let sizeMb = sizeFromEnv ? positiveNumber('BENCH_SIZE_MB', sizeFromEnv) : quick ? 0.25 : 1;
  let reps = 3;
  let encodings: EncodingName[] = quick ? ['o200k_base', 'cl100k_base'] : [...ENCODING_NAMES];
  let files: string[] | null = null;
  let sections: SectionName[] = [...SECTION_NAMES];
  let capSeconds = 3;
  let coldProcesses = quick ? 1 : 3;
  let verifyLong = false;

  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--quick':
        break;
      case '--size-mb':
        sizeMb = positiveNumber(flag, argv[++i]);
        break;
      case '--reps':
        reps = Math.round(positiveNumber(flag, argv[++i]));
        break;
      case '--encodings':
        encodings = listOf(flag, argv[++i], ENCODING_NAMES);
        break;
      case '--files':
        files = list(flag, argv[++i]);
        break;
      case '--sections':
        sections = listOf(flag, argv[++i], SECTION_NAMES);
        break;
      case '--cap-s':
        capSeconds = positiveNumber(flag, argv[++i]);
        break;
      case '--cold-processes':
        coldProcesses = Math.round(positiveNumber(flag, argv[++i]));
        break;
      case '--verify-long':
        verifyLong = true;
        break;
      default:
        fail(`Unknown option ${flag}.`);
    }
  }

  return { sizeMb, reps, encodings, files, sections, capSeconds, coldProcesses, verifyLong };
}
