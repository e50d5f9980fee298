import type { EncodingName } from '../src/core/tokens/encodings';
import type { ColdStartResult } from './coldStart';
import type { CorpusFile } from './corpus';
import { PEER_NAMES, type PeerName, REFERENCE_PEER } from './peers';
import type { ScalingResult } from './scaling';
import type { FileThroughput, PeerMeasurement } from './throughput';

/** Peers that are tokenizers: the ones "fastest peer" is chosen from. */
const TOKENIZER_PEERS = PEER_NAMES.filter((peer) => peer !== 'ours' && peer !== 'regex-only');

const PEER_COLUMN = 20;

function cell(text: string, width: number): string {
  return text.padStart(width);
}

/**
 * Which call of a peer a speed is taken from: `repeat`, the median of the repeated calls (a
 * document recounted, caches warm), or `first`, the first call (a new document, caches cold).
 */
export type Phase = 'repeat' | 'first';

function speedOf(measurement: PeerMeasurement | undefined, phase: Phase): number | null {
  if (measurement?.status !== 'measured') {
    return null;
  }
  return phase === 'repeat' ? measurement.mbPerSec : measurement.coldMbPerSec;
}

function isWrong(measurement: PeerMeasurement): boolean {
  return measurement.status === 'measured' && measurement.matchesReference === false;
}

function formatSpeed(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function peerCell(measurement: PeerMeasurement, phase: Phase, ours: number | null): string {
  switch (measurement.status) {
    case 'measured': {
      const speed = speedOf(measurement, phase) ?? 0;
      const ratio = ours === null ? '' : ` ${(ours / speed).toFixed(2)}x`;
      const wrong = isWrong(measurement) ? '!' : '';
      return `${formatSpeed(speed)}${wrong}${ratio}`;
    }
    case 'skipped (quadratic)':
      return 'skipped (quadratic)';
    case 'timeout':
      return `timeout >${Math.round(measurement.capMs / 1000)}s`;
    case 'error':
      return 'error';
  }
}

/** The fastest tokenizer peer on a file and its speed, or null when none was measured. */
function fastestPeer(
  file: FileThroughput,
  phase: Phase,
): { peer: PeerName; mbPerSec: number } | null {
  let best: { peer: PeerName; mbPerSec: number } | null = null;
  for (const peer of TOKENIZER_PEERS) {
    const speed = speedOf(file.peers[peer], phase);
    if (speed !== null && (best === null || speed > best.mbPerSec)) {
      best = { peer, mbPerSec: speed };
    }
  }
  return best;
}

function verification(file: FileThroughput): string {
  if (file.referenceCount === null) {
    return 'unverified';
  }
  const wrong = PEER_NAMES.filter((peer) => peer !== 'regex-only' && isWrong(file.peers[peer]));
  return wrong.length === 0 ? 'ok' : `MISMATCH ${wrong.join(',')}`;
}

const PHASE_TITLES: Record<Phase, string> = {
  repeat: 'MB/s, median of the repeated calls (caches warm)',
  first: 'MB/s of the first call (caches cold; JIT cold on the first file)',
};

export function formatThroughput(
  encoding: EncodingName,
  files: readonly FileThroughput[],
  phase: Phase,
): string {
  const header = [
    'corpus'.padEnd(12),
    cell('MB', 6),
    ...PEER_NAMES.map((peer) => cell(peer, peer === 'ours' ? 8 : PEER_COLUMN)),
    cell('ours/fastest', 28),
    cell('ours/regex', 11),
    '  counts',
  ].join('');
  const lines = [
    `${encoding}: ${PHASE_TITLES[phase]}; "Nx" = ours' speed / that peer's; "!" = wrong count`,
    header,
  ];

  for (const file of files) {
    const ours = speedOf(file.peers.ours, phase);
    const regex = speedOf(file.peers['regex-only'], phase);
    const fastest = fastestPeer(file, phase);
    const versusFastest = ours !== null && fastest !== null
      ? `${(ours / fastest.mbPerSec).toFixed(2)}x (${fastest.peer})`
      : '-';
    const versusRegex = ours !== null && regex !== null ? `${(ours / regex).toFixed(2)}x` : '-';
    const peerCells = PEER_NAMES.map((peer) =>
      peer === 'ours'
        ? cell(ours === null ? peerCell(file.peers.ours, phase, null) : formatSpeed(ours), 8)
        : cell(peerCell(file.peers[peer], phase, ours), PEER_COLUMN),
    );
    lines.push(
      [
        file.name.padEnd(12),
        cell((file.bytes / 1e6).toFixed(3), 6),
        ...peerCells,
        cell(versusFastest, 28),
        cell(versusRegex, 11),
        `  ${verification(file)}`,
      ].join(''),
    );
  }
  return lines.join('\n');
}

/** Every count that differs from tiktoken's, and every peer that failed, one line each. */
export function formatProblems(encoding: EncodingName, files: readonly FileThroughput[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    for (const peer of PEER_NAMES) {
      const measurement = file.peers[peer];
      if (measurement.status === 'error') {
        problems.push(`${encoding} ${file.name}: ${peer} failed: ${measurement.message}`);
      } else if (measurement.status === 'measured' && measurement.matchesReference === false) {
        problems.push(
          `${encoding} ${file.name}: ${peer} counts ${measurement.count}, ` +
            `${REFERENCE_PEER} ${file.referenceCount}`,
        );
      }
    }
    if (file.referenceNote !== null) {
      problems.push(`${encoding} ${file.name}: reference from ${file.referenceNote}`);
    }
  }
  return problems;
}

export interface SlowSpot {
  readonly encoding: EncodingName;
  readonly file: string;
  readonly phase: Phase;
  /** `peer`: behind the fastest tokenizer; `regex-only`: more than 2x behind regex-only. */
  readonly behind: 'peer' | 'regex-only';
  readonly other: PeerName;
  readonly oursMbPerSec: number;
  readonly otherMbPerSec: number;
}

/** Where ours is slower than the fastest tokenizer, or more than 2x slower than regex-only. */
export function findSlowSpots(
  encoding: EncodingName,
  files: readonly FileThroughput[],
  phase: Phase,
): SlowSpot[] {
  const spots: SlowSpot[] = [];
  for (const file of files) {
    const ours = speedOf(file.peers.ours, phase);
    if (ours === null) {
      continue;
    }
    const spot = { encoding, file: file.name, phase, oursMbPerSec: ours };
    const fastest = fastestPeer(file, phase);
    if (fastest !== null && ours < fastest.mbPerSec) {
      spots.push({ ...spot, behind: 'peer', other: fastest.peer, otherMbPerSec: fastest.mbPerSec });
    }
    const regex = speedOf(file.peers['regex-only'], phase);
    if (regex !== null && ours * 2 < regex) {
      spots.push({ ...spot, behind: 'regex-only', other: 'regex-only', otherMbPerSec: regex });
    }
  }
  return spots;
}

/** One line per encoding, phase and kind, listing the files, wrapped to 100 columns. */
export function formatSlowSpots(spots: readonly SlowSpot[]): string {
  const groups = new Map<string, string[]>();
  for (const spot of spots) {
    const kind = spot.behind === 'peer' ? 'behind the fastest peer' : 'over 2x behind regex-only';
    const key = `${spot.encoding}, ${spot.phase} call, ${kind}:`;
    const detail = spot.behind === 'peer'
      ? `${formatSpeed(spot.oursMbPerSec)} vs ${formatSpeed(spot.otherMbPerSec)} ${spot.other}`
      : `${(spot.otherMbPerSec / spot.oursMbPerSec).toFixed(1)}x`;
    groups.set(key, [...(groups.get(key) ?? []), `${spot.file} (${detail})`]);
  }

  const lines: string[] = [];
  for (const [key, items] of groups) {
    let line = `  ${key} ${items[0]}`;
    for (const item of items.slice(1)) {
      if (line.length + item.length + 2 > 100) {
        lines.push(`${line},`);
        line = `    ${item}`;
      } else {
        line += `, ${item}`;
      }
    }
    lines.push(line);
  }
  return lines.length === 0 ? '  nowhere' : lines.join('\n');
}

export function formatCorpus(files: readonly CorpusFile[]): string {
  const lines = ['corpus        bytes      chars  sha256'];
  for (const file of files) {
    lines.push(
      `${file.name.padEnd(12)}${cell(String(file.bytes), 9)}${cell(String(file.text.length), 11)}` +
        `  ${file.sha256}`,
    );
  }
  return lines.join('\n');
}

export function formatScaling(results: readonly ScalingResult[]): string {
  const lines = [
    'scaling (ours, runs of one character, median ms):',
    `encoding     ${'250k'.padStart(9)}${'500k'.padStart(9)}${'1M'.padStart(9)}` +
      '   2n/n  4n/2n   1 MB < 1 s',
  ];
  for (const result of results) {
    const times = result.points.map((point) => cell(point.ms.toFixed(1), 9)).join('');
    const ratios = result.ratios.map((ratio) => cell(ratio.toFixed(2), 7)).join('');
    const verdict = result.oneMbUnderLimit ? 'yes' : 'NO';
    lines.push(`${result.encoding.padEnd(13)}${times}${ratios}   ${verdict}`);
  }
  return lines.join('\n');
}

export function formatColdStart(results: readonly ColdStartResult[]): string {
  const lines = [
    'cold start (fresh process each; median): load = module + rank data, first = first count',
    'library        encoding       load ms  first ms   heap MB  extern MB    RSS MB',
  ];
  for (const result of results) {
    lines.push(
      result.library.padEnd(15) + result.encoding.padEnd(13) +
        cell(result.loadMs.toFixed(0), 9) + cell(result.firstCountMs.toFixed(1), 10) +
        cell(result.heapMb.toFixed(1), 10) + cell(result.externalMb.toFixed(1), 11) +
        cell(result.rssMb.toFixed(1), 10),
    );
  }
  return lines.join('\n');
}
