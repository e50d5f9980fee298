import {
  budgetForOptimalParameters,
  computeOptimal,
  lossFloor,
  type ParametricLaw,
  predictLoss,
  tokensForLoss,
  trainingFlops,
} from './laws';

/**
 * Inference-aware sizing after Sardana et al. 2024 ("Beyond Chinchilla-Optimal"): among the
 * models that reach a target loss, the one that minimises training plus inference compute,
 * 6·N·D_train + 2·N·D_inference. There is no closed form, so it is solved numerically.
 */

export interface InferencePlanRun {
  readonly parameters: number;
  readonly trainingTokens: number;
  readonly trainingFlops: number;
  readonly inferenceFlops: number;
  readonly totalFlops: number;
}

export interface InferencePlan {
  /** The loss of a Chinchilla-optimal model with `qualityParameters` parameters. */
  readonly targetLoss: number;
  readonly inferenceTokens: number;
  /** The Chinchilla-optimal model of the requested quality, served the same tokens. */
  readonly chinchilla: InferencePlanRun;
  /** The model of the same loss with the least total compute. */
  readonly optimal: InferencePlanRun;
  /** Fraction of total compute saved: 0.17 means 17% less. */
  readonly savingFraction: number;
  /** optimal.trainingTokens / chinchilla.trainingTokens. */
  readonly trainingTokensRatio: number;
}

/** Grid points scanned before refining, so a non-unimodal cost curve still finds its minimum. */
const SCAN_POINTS = 256;
/** Golden-section refinement stops when the bracket is this narrow in ln N. */
const LOG_TOLERANCE = 1e-10;
const MAX_REFINEMENTS = 200;

export function planForInference(
  law: ParametricLaw,
  qualityParameters: number,
  inferenceTokens: number,
): InferencePlan {
  if (!(qualityParameters > 0) || !Number.isFinite(qualityParameters)) {
    throw new RangeError('The quality model size must be a positive, finite number.');
  }
  if (!(inferenceTokens >= 0) || !Number.isFinite(inferenceTokens)) {
    throw new RangeError('The number of inference tokens must be zero or a positive number.');
  }

  const quality = computeOptimal(law, budgetForOptimalParameters(law, qualityParameters));
  const targetLoss = predictLoss(law.loss, quality.parameters, quality.tokens);
  const chinchilla = planRun(qualityParameters, quality.tokens, inferenceTokens);

  // Smaller models need more data for the same loss and cannot go below the size whose
  // unlimited-data floor equals the target; larger ones than the Chinchilla-optimal size
  // cost more in both training and inference, so the optimum lies between the two.
  const lowest = Math.log(smallestSizeReaching(law, targetLoss)) + 1e-9;
  const highest = Math.log(qualityParameters);
  const cost = (logParameters: number): number => {
    const parameters = Math.exp(logParameters);
    const tokens = tokensForLoss(law.loss, parameters, targetLoss);
    return tokens === undefined
      ? Infinity
      : planRun(parameters, tokens, inferenceTokens).totalFlops;
  };

  const logParameters = minimise(cost, Math.min(lowest, highest), highest);
  const parameters = Math.exp(logParameters);
  const tokens = tokensForLoss(law.loss, parameters, targetLoss);
  if (tokens === undefined) {
    throw new RangeError('No model reaches this quality; choose a larger quality model.');
  }
  const optimal = planRun(parameters, tokens, inferenceTokens);
  if (!Number.isFinite(optimal.totalFlops) || !Number.isFinite(chinchilla.totalFlops)) {
    throw new RangeError('These inputs are too large to compute with; use smaller numbers.');
  }

  // The Chinchilla-optimal model is always a candidate, so the answer never costs more.
  const best = optimal.totalFlops <= chinchilla.totalFlops ? optimal : chinchilla;
  return {
    targetLoss,
    inferenceTokens,
    chinchilla,
    optimal: best,
    savingFraction: 1 - best.totalFlops / chinchilla.totalFlops,
    trainingTokensRatio: best.trainingTokens / chinchilla.trainingTokens,
  };
}

/** Inference compute overtakes training once a model has served 3× its training tokens. */
export function inferenceBreakEvenTokens(trainingTokens: number): number {
  return 3 * trainingTokens;
}

function planRun(parameters: number, trainingTokens: number, inferenceTokens: number):
  InferencePlanRun {
  const training = trainingFlops(parameters, trainingTokens);
  const inference = 2 * parameters * inferenceTokens;
  return {
    parameters,
    trainingTokens,
    trainingFlops: training,
    inferenceFlops: inference,
    totalFlops: training + inference,
  };
}

function smallestSizeReaching(law: ParametricLaw, targetLoss: number): number {
  const headroom = targetLoss - law.loss.irreducibleLoss;
  const size = Math.pow(law.loss.paramCoefficient / headroom, 1 / law.loss.paramExponent);
  // Guard the floor computation: lossFloor(size) equals the target up to rounding.
  return lossFloor(law.loss, size) < targetLoss ? size : size * (1 + 1e-12);
}

/** Minimum of f on [low, high]: a coarse scan, then golden-section search around the best. */
function minimise(f: (x: number) => number, low: number, high: number): number {
  if (high - low < LOG_TOLERANCE) {
    return high;
  }

  const step = (high - low) / SCAN_POINTS;
  let bestIndex = SCAN_POINTS;
  let bestValue = f(high);
  for (let index = 0; index < SCAN_POINTS; index++) {
    const value = f(low + index * step);
    if (value < bestValue) {
      bestValue = value;
      bestIndex = index;
    }
  }

  let left = low + Math.max(0, bestIndex - 1) * step;
  let right = low + Math.min(SCAN_POINTS, bestIndex + 1) * step;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let inner1 = right - ratio * (right - left);
  let inner2 = left + ratio * (right - left);
  let value1 = f(inner1);
  let value2 = f(inner2);
  for (let round = 0; round < MAX_REFINEMENTS && right - left > LOG_TOLERANCE; round++) {
    if (value1 <= value2) {
      right = inner2;
      inner2 = inner1;
      value2 = value1;
      inner1 = right - ratio * (right - left);
      value1 = f(inner1);
    } else {
      left = inner1;
      inner1 = inner2;
      value1 = value2;
      inner2 = left + ratio * (right - left);
      value2 = f(inner2);
    }
  }

  const middle = (left + right) / 2;
  return f(middle) <= bestValue ? middle : low + bestIndex * step;
}
