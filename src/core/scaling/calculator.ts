import { analyseBudget, analyseRun, type RunAnalysis, type RunFigures } from './analysis';
import {
  ACCELERATORS,
  DEFAULT_ACCELERATOR_ID,
  findAccelerator,
  type HardwarePlan,
  planHardware,
} from './hardware';
import { planForInference, type InferencePlan } from './inference';
import { DEFAULT_LAW_ID, findLaw, type LawId, type ScalingLaw } from './laws';
import {
  formatAmount,
  formatNumber,
  formatPercent,
  formatScientific,
  parseCount,
  parseFraction,
  parsePrice,
  parseQuantity,
  type Parsed,
} from './units';

/**
 * The calculator as the panel shows it: raw texts in, parsed figures, per-field errors and
 * result rows out. Host-free so the webview, the extension (for "Copy as Markdown") and the
 * tests all compute exactly the same thing.
 */

export type CalculatorMode = 'budget' | 'run' | 'inference';

export const CALCULATOR_MODES: readonly CalculatorMode[] = ['budget', 'run', 'inference'];

/** Everything the user typed, kept as text so a half-typed value survives a reload. */
export interface CalculatorInputs {
  readonly mode: CalculatorMode;
  readonly law: LawId;
  readonly compute: string;
  readonly parameters: string;
  readonly tokens: string;
  readonly qualityParameters: string;
  readonly inferenceTokens: string;
  readonly accelerator: string;
  readonly acceleratorCount: string;
  readonly mfu: string;
  readonly price: string;
}

export type TextField = Exclude<keyof CalculatorInputs, 'mode' | 'law' | 'accelerator'>;

/** Chinchilla's and Gopher's budget, Chinchilla's size and Sardana et al.'s first example. */
export const DEFAULT_INPUTS: CalculatorInputs = {
  mode: 'budget',
  law: DEFAULT_LAW_ID,
  compute: '5.76e23',
  parameters: '70B',
  tokens: '1.4T',
  qualityParameters: '13B',
  inferenceTokens: '2T',
  accelerator: DEFAULT_ACCELERATOR_ID,
  acceleratorCount: '1024',
  mfu: '40%',
  price: '',
};

export interface ResultRow {
  readonly label: string;
  readonly value: string;
}

export interface CalculatorResult {
  readonly inputs: CalculatorInputs;
  readonly law: ScalingLaw;
  /** One message per field that does not parse; the panel shows it beside the field. */
  readonly errors: Partial<Record<TextField, string>>;
  /** Why nothing could be computed although every field parsed. */
  readonly problem: string | undefined;
  readonly budget: RunFigures | undefined;
  readonly run: RunAnalysis | undefined;
  readonly inference: InferencePlan | undefined;
  readonly hardware: HardwarePlan | undefined;
  /** The headline figures, in the order the panel and the Markdown show them. */
  readonly rows: readonly ResultRow[];
}

export function calculate(inputs: CalculatorInputs): CalculatorResult {
  const law = findLaw(inputs.law) ?? (findLaw(DEFAULT_LAW_ID) as ScalingLaw);
  const errors: Partial<Record<TextField, string>> = {};
  const read = <T>(field: TextField, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) {
      return parsed.value;
    }
    errors[field] = parsed.error;
    return undefined;
  };

  let budget: RunFigures | undefined;
  let run: RunAnalysis | undefined;
  let inference: InferencePlan | undefined;
  let problem: string | undefined;
  try {
    switch (inputs.mode) {
      case 'budget': {
        const computeFlops = read('compute', parseQuantity(inputs.compute));
        budget = computeFlops === undefined ? undefined : analyseBudget(law, computeFlops);
        break;
      }
      case 'run': {
        const parameters = read('parameters', parseQuantity(inputs.parameters));
        const tokens = read('tokens', parseQuantity(inputs.tokens));
        if (parameters !== undefined && tokens !== undefined) {
          run = analyseRun(law, parameters, tokens);
        }
        break;
      }
      case 'inference': {
        const quality = read('qualityParameters', parseQuantity(inputs.qualityParameters));
        const served = read(
          'inferenceTokens',
          parseQuantity(inputs.inferenceTokens, { allowZero: true }),
        );
        if (law.kind !== 'parametric') {
          problem = `${law.label} has no loss function; choose Chinchilla Approach 3 or Epoch AI.`;
        } else if (quality !== undefined && served !== undefined) {
          inference = planForInference(law, quality, served);
        }
        break;
      }
    }
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }

  const trainingFlops =
    budget?.computeFlops ?? run?.run.computeFlops ?? inference?.optimal.trainingFlops;
  const hardware = planFor(inputs, trainingFlops, read);
  const partial = { inputs, law, errors, problem, budget, run, inference, hardware };
  return { ...partial, rows: resultRows(partial) };
}

function planFor(
  inputs: CalculatorInputs,
  trainingFlops: number | undefined,
  read: <T>(field: TextField, parsed: Parsed<T>) => T | undefined,
): HardwarePlan | undefined {
  const accelerator = findAccelerator(inputs.accelerator) ?? ACCELERATORS[0];
  const count = read('acceleratorCount', parseCount(inputs.acceleratorCount));
  const mfu = read('mfu', parseFraction(inputs.mfu));
  const price = parsePrice(inputs.price);
  const pricePerHour = read('price', price);
  if (trainingFlops === undefined || count === undefined || mfu === undefined || !price.ok) {
    return undefined;
  }
  return planHardware(trainingFlops, accelerator, count, mfu, pricePerHour);
}

type RowSource = Omit<CalculatorResult, 'rows'>;

function resultRows(result: RowSource): ResultRow[] {
  const rows: ResultRow[] = [];
  const add = (label: string, value: string): void => {
    rows.push({ label, value });
  };
  const addRun = (prefix: string, figures: RunFigures): void => {
    add(`${prefix}parameters`, formatAmount(figures.parameters));
    add(`${prefix}training tokens`, formatAmount(figures.tokens));
    add(`${prefix}tokens per parameter`, formatNumber(figures.tokensPerParameter));
    if (figures.loss !== null) {
      add(`${prefix}predicted loss (nats/token)`, figures.loss.toFixed(3));
    }
  };

  if (result.budget !== undefined) {
    add('Compute budget (FLOPs)', formatScientific(result.budget.computeFlops));
    addRun('Optimal ', result.budget);
  }
  if (result.run !== undefined) {
    const { run, optimal, penalty } = result.run;
    add('Training compute, 6ND (FLOPs)', formatScientific(run.computeFlops));
    addRun('Your ', run);
    addRun('Compute-optimal ', optimal);
    if (penalty?.reachable === true) {
      add('Tokens your size needs for the optimal loss', formatAmount(penalty.tokens));
      add('Extra compute at your size for that loss', formatPercent(penalty.extraComputeFraction));
    } else if (penalty?.reachable === false) {
      add('Extra compute at your size for that loss', penalty.reason);
    }
  }
  if (result.inference !== undefined) {
    const { chinchilla, optimal } = result.inference;
    add('Target loss (nats/token)', result.inference.targetLoss.toFixed(3));
    add('Chinchilla-optimal parameters', formatAmount(chinchilla.parameters));
    add('Chinchilla-optimal training tokens', formatAmount(chinchilla.trainingTokens));
    add('Inference-aware parameters', formatAmount(optimal.parameters));
    add('Inference-aware training tokens', formatAmount(optimal.trainingTokens));
    add('Training tokens vs Chinchilla', `${formatNumber(result.inference.trainingTokensRatio)}×`);
    add('Total compute (FLOPs)', formatScientific(optimal.totalFlops));
    add('Compute saved', formatPercent(result.inference.savingFraction));
  }
  if (result.hardware !== undefined) {
    const hardware = result.hardware;
    const fleet = `${formatNumber(hardware.acceleratorCount)} × ${hardware.accelerator.label}`;
    add('GPU-hours', `${formatNumber(hardware.gpuHours)} (${formatPercent(hardware.mfu)} MFU)`);
    add('Wall-clock days', `${formatNumber(hardware.wallClockDays)} on ${fleet}`);
    if (hardware.costUsd !== undefined) {
      add('Cost (USD)', `$${formatNumber(hardware.costUsd)}`);
    }
  }
  return rows;
}

/** The result as a Markdown table with the law and its source, for the clipboard or a file. */
export function resultToMarkdown(result: CalculatorResult): string {
  const lines = [`### Scaling-law estimate: ${result.law.label}`, ''];
  if (result.rows.length === 0) {
    const messages = [result.problem, ...Object.values(result.errors)].filter(Boolean);
    lines.push(`No result: ${messages.join(' ') || 'fill in the inputs.'}`);
  } else {
    lines.push('| Quantity | Value |', '| --- | --- |');
    for (const row of result.rows) {
      lines.push(`| ${escapeCell(row.label)} | ${escapeCell(row.value)} |`);
    }
  }
  lines.push(
    '',
    `Law: ${result.law.source} ${result.law.note}`,
    'Compute is the 6·N·D approximation (2N FLOPs per token forward, 4N backward).',
  );
  if (result.hardware !== undefined) {
    lines.push(`Peak: ${result.hardware.accelerator.source}.`);
  }
  return `${lines.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
