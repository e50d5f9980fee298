// `npm run bench`: throughput of our token counter against js-tiktoken, gpt-tokenizer, the
// official tiktoken (WASM) and a regex-only pass; scaling on runs of one character; cold start.
// Prints tables and writes bench/results/latest.json. `npm run bench -- --help` lists options.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import type { EncodingName } from '../src/core/tokens/encodings';
import { type ColdStartResult, measureColdStart } from './coldStart';
import { buildCorpus, type CorpusFile } from './corpus';
import { type BenchOptions, parseOptions, USAGE } from './options';
import { LIBRARY_NAMES } from './peers';
import {
  findSlowSpots,
  formatColdStart,
  formatCorpus,
  formatProblems,
  formatScaling,
  formatSlowSpots,
  formatThroughput,
} from './report';
import { measureScaling, type ScalingResult } from './scaling';
import { type FileThroughput, measureEncoding, type ThroughputOptions } from './throughput';

/** The bundle runs from out/bench/, two folders below the repository root. */
const RESULTS_DIR = join(__dirname, '..', '..', 'bench', 'results');

const SCALING_REPS = 3;

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

function progress(text: string): void {
  process.stderr.write(`[bench] ${text}\n`);
}

/**
 * The commit the engine was bundled from, and whether src/core had uncommitted changes: the
 * engine changes often, and figures are only comparable for the same one.
 */
function engineVersion(): { commit: string | null; srcModified: boolean | null } {
  try {
    const git = (args: string[]): string =>
      execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const srcModified = git(['status', '--porcelain', 'src/core']) !== '';
    return { commit: git(['rev-parse', 'HEAD']), srcModified };
  } catch {
    return { commit: null, srcModified: null };
  }
}

function selectFiles(options: BenchOptions): CorpusFile[] {
  const files = buildCorpus(Math.round(options.sizeMb * 1e6));
  if (options.files === null) {
    return files;
  }
  const unknown = options.files.filter((name) => !files.some((file) => file.name === name));
  if (unknown.length > 0) {
    const known = files.map((file) => file.name).join(', ');
    throw new Error(`Unknown corpus file ${unknown.join(', ')}. Known: ${known}.`);
  }
  return files.filter((file) => options.files?.includes(file.name));
}

async function runThroughput(
  options: BenchOptions,
  files: readonly CorpusFile[],
): Promise<Partial<Record<EncodingName, FileThroughput[]>>> {
  // A 20 ms floor puts the 1k run well above timer resolution; 2 s per peer and file keeps the
  // default run under about 5 minutes on 2 cores.
  const throughputOptions: ThroughputOptions = {
    reps: options.reps,
    capMs: options.capSeconds * 1000,
    minSampleMs: 20,
    budgetPerFileMs: 2000,
    verifyLong: options.verifyLong,
    verifyCapMs: 120_000,
  };
  const results: Partial<Record<EncodingName, FileThroughput[]>> = {};
  for (const encoding of options.encodings) {
    progress(`throughput ${encoding}`);
    const measured = await measureEncoding(encoding, files, throughputOptions);
    results[encoding] = measured;
    say(`\n${formatThroughput(encoding, measured, 'repeat')}`);
    say(`\n${formatThroughput(encoding, measured, 'first')}`);
    for (const problem of formatProblems(encoding, measured)) {
      say(`  note: ${problem}`);
    }
  }
  return results;
}

async function runScaling(options: BenchOptions): Promise<ScalingResult[]> {
  const results: ScalingResult[] = [];
  for (const encoding of options.encodings) {
    progress(`scaling ${encoding}`);
    results.push(await measureScaling(encoding, SCALING_REPS, options.capSeconds * 1000));
  }
  say(`\n${formatScaling(results)}`);
  return results;
}

function runColdStart(options: BenchOptions): ColdStartResult[] {
  const results: ColdStartResult[] = [];
  for (const encoding of options.encodings) {
    progress(`cold start ${encoding}`);
    for (const library of LIBRARY_NAMES) {
      results.push(measureColdStart(library, encoding, options.coldProcesses));
    }
  }
  say(`\n${formatColdStart(results)}`);
  return results;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    say(USAGE);
    return;
  }
  const options = parseOptions(argv, process.env);
  const started = performance.now();
  const engine = engineVersion();

  progress(`building corpus (${options.sizeMb} MB per realistic file)`);
  const files = selectFiles(options);
  say(`node ${process.version}, ${cpus().length} cpus (${cpus()[0]?.model ?? 'unknown'})`);
  const modified = engine.srcModified ? ' + uncommitted changes in src/core' : '';
  say(`engine: commit ${engine.commit?.slice(0, 7) ?? 'unknown'}${modified}`);
  const cap = `${options.capSeconds} s per MB`;
  say(`a first call, then the median of up to ${options.reps} more; call cap ${cap}`);
  const loadBefore = loadavg()[0];
  if (loadBefore > cpus().length * 0.5) {
    say(`warning: load average ${loadBefore.toFixed(1)} on ${cpus().length} cpus: other work `
      + 'shares the cores, so absolute speeds are low and noisy; the ratios suffer less.');
  }
  say(formatCorpus(files));

  const sections = new Set(options.sections);
  const throughput = sections.has('throughput') ? await runThroughput(options, files) : {};
  const scaling = sections.has('scaling') ? await runScaling(options) : [];
  const coldStart = sections.has('cold-start') ? runColdStart(options) : [];

  const slowSpots = (['repeat', 'first'] as const).flatMap((phase) =>
    Object.entries(throughput).flatMap(([encoding, measured]) =>
      findSlowSpots(encoding as EncodingName, measured ?? [], phase),
    ),
  );
  if (sections.has('throughput')) {
    say('\nwhere ours is slower than the fastest peer or more than 2x slower than regex-only:');
    say(formatSlowSpots(slowSpots));
  }

  const elapsedSeconds = (performance.now() - started) / 1000;
  const report = {
    createdAt: new Date().toISOString(),
    engine,
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    options,
    elapsedSeconds,
    /** One-minute load average at the start and the end: other work skews the figures. */
    loadAverage: { start: loadBefore, end: loadavg()[0] },
    corpus: files.map(({ name, isRun, bytes, sha256, text }) => ({
      name,
      isRun,
      bytes,
      chars: text.length,
      sha256,
    })),
    throughput,
    scaling,
    coldStart,
    slowSpots,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const outFile = join(RESULTS_DIR, 'latest.json');
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  say(`\n${elapsedSeconds.toFixed(0)} s; results in ${relative(process.cwd(), outFile)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
