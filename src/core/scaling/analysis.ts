import {
  computeOptimal,
  lossFloor,
  type ModelSize,
  predictLoss,
  type ScalingLaw,
  tokensForLoss,
  trainingFlops,
} from './laws';

/** What a law says about one training run: its size, budget and (where it has one) loss. */
export interface RunFigures extends ModelSize {
  readonly computeFlops: number;
  readonly tokensPerParameter: number;
  /** Predicted loss in nats per token; null for laws without a loss function. */
  readonly loss: number | null;
}

/** The compute-optimal run for a budget. */
export function analyseBudget(law: ScalingLaw, computeFlops: number): RunFigures {
  assertPositive(computeFlops, 'The compute budget');
  return describeRun(law, computeOptimal(law, computeFlops));
}

/**
 * The price of not training at the optimum: with this model's size, how much compute reaches
 * the loss that the compute-optimal model gets from the same budget.
 */
export type SizePenalty =
  | {
      readonly reachable: true;
      /** Tokens this size needs to match the optimal model's loss. */
      readonly tokens: number;
      readonly computeFlops: number;
      readonly extraComputeFlops: number;
      /** extraComputeFlops as a fraction of the budget: 0.25 means 25% more compute. */
      readonly extraComputeFraction: number;
    }
  | { readonly reachable: false; readonly reason: string };

export interface RunAnalysis {
  readonly run: RunFigures;
  readonly optimal: RunFigures;
  /** Null for laws without a loss function. */
  readonly penalty: SizePenalty | null;
}

export function analyseRun(law: ScalingLaw, parameters: number, tokens: number): RunAnalysis {
  assertPositive(parameters, 'The number of parameters');
  assertPositive(tokens, 'The number of training tokens');
  const computeFlops = trainingFlops(parameters, tokens);
  if (!Number.isFinite(computeFlops)) {
    throw new RangeError('Parameters × tokens is too large to compute with.');
  }

  const run = describeRun(law, { parameters, tokens });
  const optimal = analyseBudget(law, computeFlops);
  if (law.kind !== 'parametric' || optimal.loss === null) {
    return { run, optimal, penalty: null };
  }

  const neededTokens = tokensForLoss(law.loss, parameters, optimal.loss);
  if (neededTokens === undefined) {
    const floor = lossFloor(law.loss, parameters).toFixed(3);
    return {
      run,
      optimal,
      penalty: {
        reachable: false,
        reason:
          `A model of this size cannot reach the optimal model's loss ` +
          `(${optimal.loss.toFixed(3)}) with any amount of data: its floor is ${floor}.`,
      },
    };
  }

  const neededFlops = trainingFlops(parameters, neededTokens);
  return {
    run,
    optimal,
    penalty: {
      reachable: true,
      tokens: neededTokens,
      computeFlops: neededFlops,
      extraComputeFlops: neededFlops - computeFlops,
      extraComputeFraction: neededFlops / computeFlops - 1,
    },
  };
}

function describeRun(law: ScalingLaw, size: ModelSize): RunFigures {
  return {
    ...size,
    computeFlops: trainingFlops(size.parameters, size.tokens),
    tokensPerParameter: size.tokens / size.parameters,
    loss: law.kind === 'parametric' ? predictLoss(law.loss, size.parameters, size.tokens) : null,
  };
}

function assertPositive(value: number, what: string): void {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${what} must be a positive, finite number.`);
  }
}
