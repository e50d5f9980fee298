/**
 * Training compute in accelerator time and money. Peaks are dense BF16 tensor throughput per
 * chip: vendor pages often print the 2:4-sparsity figure, twice the dense one, which would
 * halve every estimate here.
 */

export interface Accelerator {
  readonly id: string;
  readonly label: string;
  readonly peakFlopsPerSecond: number;
  readonly source: string;
}

const NVIDIA_SHEET = 'NVIDIA datasheet, dense BF16/FP16 tensor (without sparsity)';
const TPU_DOCS = 'Google Cloud TPU system architecture documentation, BF16 peak per chip';

export const ACCELERATORS: readonly Accelerator[] = [
  { id: 'v100', label: 'NVIDIA V100', peakFlopsPerSecond: 125e12, source: NVIDIA_SHEET },
  { id: 'a100', label: 'NVIDIA A100', peakFlopsPerSecond: 312e12, source: NVIDIA_SHEET },
  {
    id: 'h100-sxm',
    label: 'NVIDIA H100 SXM',
    peakFlopsPerSecond: 989.4e12,
    source: 'NVIDIA H100 Tensor Core GPU architecture whitepaper, dense BF16',
  },
  { id: 'h100-pcie', label: 'NVIDIA H100 PCIe', peakFlopsPerSecond: 756e12, source: NVIDIA_SHEET },
  { id: 'h200', label: 'NVIDIA H200', peakFlopsPerSecond: 989.4e12, source: NVIDIA_SHEET },
  { id: 'b200', label: 'NVIDIA B200', peakFlopsPerSecond: 2250e12, source: NVIDIA_SHEET },
  {
    id: 'mi300x',
    label: 'AMD Instinct MI300X',
    peakFlopsPerSecond: 1307.4e12,
    source: 'AMD MI300X datasheet, dense BF16 (without sparsity)',
  },
  { id: 'tpu-v4', label: 'Google TPU v4', peakFlopsPerSecond: 275e12, source: TPU_DOCS },
  { id: 'tpu-v5e', label: 'Google TPU v5e', peakFlopsPerSecond: 197e12, source: TPU_DOCS },
  { id: 'tpu-v5p', label: 'Google TPU v5p', peakFlopsPerSecond: 459e12, source: TPU_DOCS },
];

export const DEFAULT_ACCELERATOR_ID = 'h100-sxm';

/**
 * Model FLOPs utilisation used when none is given: runs report 38–43% (Llama 3 405B on H100,
 * Llama 3 paper Table 4) to 55% (MegaScale).
 */
export const DEFAULT_MFU = 0.4;

export function findAccelerator(id: string): Accelerator | undefined {
  const wanted = id.trim().toLowerCase();
  return ACCELERATORS.find((accelerator) => accelerator.id === wanted);
}

export interface HardwarePlan {
  readonly accelerator: Accelerator;
  readonly acceleratorCount: number;
  readonly mfu: number;
  readonly gpuHours: number;
  readonly wallClockDays: number;
  /** US dollars; undefined when no price per GPU-hour was given. */
  readonly costUsd: number | undefined;
}

export function planHardware(
  computeFlops: number,
  accelerator: Accelerator,
  acceleratorCount: number,
  mfu: number,
  pricePerGpuHourUsd?: number,
): HardwarePlan {
  if (!(acceleratorCount >= 1) || !Number.isInteger(acceleratorCount)) {
    throw new RangeError('The number of accelerators must be a whole number of at least 1.');
  }
  if (!(mfu > 0 && mfu <= 1)) {
    throw new RangeError('MFU must be more than 0 and at most 1 (for example 0.4).');
  }

  const gpuHours = computeFlops / (accelerator.peakFlopsPerSecond * mfu * 3600);
  return {
    accelerator,
    acceleratorCount,
    mfu,
    gpuHours,
    wallClockDays: gpuHours / acceleratorCount / 24,
    costUsd: pricePerGpuHourUsd === undefined ? undefined : gpuHours * pricePerGpuHourUsd,
  };
}
