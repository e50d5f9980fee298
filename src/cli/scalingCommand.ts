import { parseArgs } from 'node:util';
import {
  calculate,
  type CalculatorInputs,
  type CalculatorMode,
  type CalculatorResult,
  DEFAULT_INPUTS,
  type TextField,
} from '../core/scaling/calculator';
import { ACCELERATORS, DEFAULT_MFU, findAccelerator } from '../core/scaling/hardware';
import { findLaw, LAW_IDS, type LawId } from '../core/scaling/laws';
import { type CliIo, UsageError } from './errors';

export const SCALING_USAGE = `\
Usage: llm-scope scaling MODE [--law NAME] [--gpu NAME --gpus K --mfu F --price USD] [--json]
Modes: --compute FLOPS | --params N --tokens D | --quality-params N --inference-tokens T
Compute-optimal model size and data for a budget (--compute), what a planned run gets
(--params, --tokens), or the inference-aware size of Sardana et al. (--quality-params: the
size of a Chinchilla-optimal model of the quality you want; --inference-tokens: tokens served).
Numbers take suffixes: 5.76e23, 70B, 1.4T, 2.5M, "300 billion".
Laws: ${LAW_IDS.join(', ')} (default ${DEFAULT_INPUTS.law}).
GPUs: ${ACCELERATORS.map((accelerator) => accelerator.id).join(', ')}.
Any hardware flag adds GPU-hours and days (defaults: ${DEFAULT_INPUTS.accelerator}, 1 GPU, \
MFU ${DEFAULT_MFU}); --price is US dollars per GPU-hour.
Compute is 6·N·D; Kaplan's N excludes embeddings, the others include them.`;

/** The flag that fills each calculator field, to name it in error messages. */
const FLAGS: Record<TextField, string> = {
  compute: '--compute',
  parameters: '--params',
  tokens: '--tokens',
  qualityParameters: '--quality-params',
  inferenceTokens: '--inference-tokens',
  acceleratorCount: '--gpus',
  mfu: '--mfu',
  price: '--price',
};

export async function scalingCommand(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      compute: { type: 'string' },
      params: { type: 'string' },
      tokens: { type: 'string' },
      'quality-params': { type: 'string' },
      'inference-tokens': { type: 'string' },
      law: { type: 'string', default: DEFAULT_INPUTS.law },
      gpu: { type: 'string' },
      gpus: { type: 'string' },
      mfu: { type: 'string' },
      price: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });

  const mode = chooseMode(values);
  if (findLaw(values.law) === undefined) {
    throw new UsageError(`Unknown law "${values.law}". Laws: ${LAW_IDS.join(', ')}.`);
  }
  if (values.gpu !== undefined && findAccelerator(values.gpu) === undefined) {
    const known = ACCELERATORS.map((accelerator) => accelerator.id).join(', ');
    throw new UsageError(`Unknown GPU "${values.gpu}". GPUs: ${known}.`);
  }
  const wantsHardware = [values.gpu, values.gpus, values.mfu, values.price].some(
    (value) => value !== undefined,
  );

  const inputs: CalculatorInputs = {
    mode,
    law: values.law as LawId,
    compute: values.compute ?? '',
    parameters: values.params ?? '',
    tokens: values.tokens ?? '',
    qualityParameters: values['quality-params'] ?? '',
    inferenceTokens: values['inference-tokens'] ?? '',
    accelerator: values.gpu ?? DEFAULT_INPUTS.accelerator,
    acceleratorCount: values.gpus ?? '1',
    mfu: values.mfu ?? String(DEFAULT_MFU),
    price: values.price ?? '',
  };
  const result = calculate(inputs);

  const [field, message] = Object.entries(result.errors)[0] ?? [];
  if (field !== undefined) {
    throw new UsageError(`${FLAGS[field as TextField]}: ${message}`);
  }
  if (result.problem !== undefined) {
    throw new UsageError(result.problem);
  }

  if (values.json) {
    io.stdout(`${JSON.stringify(toJson(result, wantsHardware), null, 2)}\n`);
    return;
  }
  io.stdout(`${result.law.label}\n`);
  const rows = wantsHardware
    ? result.rows
    : result.rows.filter((row) => !/^(GPU-hours|Wall-clock|Cost)/.test(row.label));
  const width = Math.max(...rows.map((row) => row.label.length));
  for (const row of rows) {
    io.stdout(`  ${row.label.padEnd(width)}  ${row.value}\n`);
  }
  io.stdout(`Source: ${result.law.source}\n${result.law.note}\n`);
}

function chooseMode(values: Record<string, unknown>): CalculatorMode {
  const given = (name: string): boolean => values[name] !== undefined;
  const modes: CalculatorMode[] = [];
  if (given('compute')) {
    modes.push('budget');
  }
  if (given('params') || given('tokens')) {
    modes.push('run');
  }
  if (given('quality-params') || given('inference-tokens')) {
    modes.push('inference');
  }
  if (modes.length !== 1) {
    throw new UsageError(
      'Give exactly one of: --compute FLOPS; --params N --tokens D; ' +
        '--quality-params N --inference-tokens T.',
    );
  }
  const missing = {
    budget: [],
    run: ['params', 'tokens'],
    inference: ['quality-params', 'inference-tokens'],
  }[modes[0]].filter((name) => !given(name));
  if (missing.length > 0) {
    throw new UsageError(`Also give --${missing.join(' and --')}.`);
  }
  return modes[0];
}

/** Stable field names for scripts: the headline figures first, details per mode below. */
function toJson(result: CalculatorResult, wantsHardware: boolean): Record<string, unknown> {
  const headline = (figures: {
    computeFlops: number;
    parameters: number;
    tokens: number;
    loss: number | null;
  }): Record<string, unknown> => ({
    computeFlops: figures.computeFlops,
    parameters: figures.parameters,
    tokens: figures.tokens,
    tokensPerParameter: figures.tokens / figures.parameters,
    loss: figures.loss,
  });

  let body: Record<string, unknown> = {};
  if (result.budget !== undefined) {
    body = headline(result.budget);
  } else if (result.run !== undefined) {
    const { run, optimal, penalty } = result.run;
    body = { ...headline(run), optimal: headline(optimal), sameLossAtThisSize: penalty };
  } else if (result.inference !== undefined) {
    const plan = result.inference;
    body = {
      ...headline({
        computeFlops: plan.optimal.trainingFlops,
        parameters: plan.optimal.parameters,
        tokens: plan.optimal.trainingTokens,
        loss: plan.targetLoss,
      }),
      inferenceTokens: plan.inferenceTokens,
      totalFlops: plan.optimal.totalFlops,
      chinchilla: plan.chinchilla,
      savingFraction: plan.savingFraction,
      trainingTokensRatio: plan.trainingTokensRatio,
    };
  }

  const hardware = result.hardware;
  return {
    law: result.law.id,
    ...body,
    hardware:
      wantsHardware && hardware !== undefined
        ? {
            gpu: hardware.accelerator.id,
            gpus: hardware.acceleratorCount,
            mfu: hardware.mfu,
            gpuHours: hardware.gpuHours,
            wallClockDays: hardware.wallClockDays,
            costUsd: hardware.costUsd ?? null,
          }
        : null,
    source: result.law.source,
  };
}
