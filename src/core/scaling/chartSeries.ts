import type { CalculatorResult } from './calculator';
import {
  computeOptimal,
  DEFAULT_LAW_ID,
  getLaw,
  LAWS,
  type ParametricLaw,
  predictLoss,
  type ScalingLaw,
} from './laws';
import { REFERENCE_MODELS } from './referenceModels';

/**
 * What the loss-versus-size chart draws, as plain points: one loss surface (the chosen law's,
 * or Approach 3's when the chosen law has none), IsoFLOP curves on it, every law's
 * compute-optimal frontier placed on that same surface, the user's point and the reference
 * models. Using one surface is what lets a user see which allocation lands lower.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
  readonly label?: string;
}

export interface ChartSeries {
  /** The law whose L(N, D) gives every loss on the chart. */
  readonly surface: ParametricLaw;
  readonly isoFlop: readonly { flops: number; curve: Point[]; optimum: Point }[];
  readonly frontiers: readonly { law: ScalingLaw; points: Point[] }[];
  readonly user: readonly Point[];
  readonly references: readonly Point[];
}

const ISOFLOP_BUDGETS = [1e19, 1e21, 1e23, 1e25];
const FRONTIER_BUDGETS = { fromLog10: 18, toLog10: 27, steps: 36 };
/** IsoFLOP curves span this factor either side of their optimum. */
const ISOFLOP_SPAN = 40;
const ISOFLOP_STEPS = 48;

export function chartSeries(result: CalculatorResult): ChartSeries {
  const surface =
    result.law.kind === 'parametric' ? result.law : (getLaw(DEFAULT_LAW_ID) as ParametricLaw);
  const lossAt = (parameters: number, tokens: number): number =>
    predictLoss(surface.loss, parameters, tokens);

  const userBudget = result.budget?.computeFlops ?? result.run?.run.computeFlops;
  const budgets = userBudget === undefined ? ISOFLOP_BUDGETS : [...ISOFLOP_BUDGETS, userBudget];
  const isoFlop = budgets.map((flops) => {
    const best = computeOptimal(surface, flops);
    const curve = logSpace(best.parameters / ISOFLOP_SPAN, best.parameters * ISOFLOP_SPAN,
      ISOFLOP_STEPS).map((parameters) => ({
      x: parameters,
      y: lossAt(parameters, flops / (6 * parameters)),
    }));
    const optimum = { x: best.parameters, y: lossAt(best.parameters, best.tokens) };
    return { flops, curve, optimum };
  });

  const frontierBudgets = logSpace(
    10 ** FRONTIER_BUDGETS.fromLog10,
    10 ** FRONTIER_BUDGETS.toLog10,
    FRONTIER_BUDGETS.steps,
  );
  const frontiers = LAWS.map((law) => ({
    law,
    points: frontierBudgets.map((flops) => {
      const size = computeOptimal(law, flops);
      return { x: size.parameters, y: lossAt(size.parameters, size.tokens) };
    }),
  }));

  const references = REFERENCE_MODELS.map((model) => ({
    x: model.parameters,
    y: lossAt(model.parameters, model.tokens),
    label: model.name,
  }));
  return { surface, isoFlop, frontiers, user: userPoints(result, lossAt), references };
}

function userPoints(
  result: CalculatorResult,
  lossAt: (parameters: number, tokens: number) => number,
): Point[] {
  const point = (label: string, parameters: number, tokens: number): Point => ({
    x: parameters,
    y: lossAt(parameters, tokens),
    label,
  });
  if (result.budget !== undefined) {
    return [point('Your budget: optimum', result.budget.parameters, result.budget.tokens)];
  }
  if (result.run !== undefined) {
    return [point('Your run', result.run.run.parameters, result.run.run.tokens)];
  }
  if (result.inference !== undefined) {
    const { chinchilla, optimal } = result.inference;
    return [
      point('Chinchilla-optimal', chinchilla.parameters, chinchilla.trainingTokens),
      point('Inference-aware', optimal.parameters, optimal.trainingTokens),
    ];
  }
  return [];
}

function logSpace(from: number, to: number, steps: number): number[] {
  const start = Math.log(from);
  const step = (Math.log(to) - start) / (steps - 1);
  return Array.from({ length: steps }, (_, index) => Math.exp(start + index * step));
}
