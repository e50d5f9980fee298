/**
 * Scaling laws: how a training compute budget C (FLOPs) is best split into parameters N and
 * training tokens D, and, where a law has one, the loss it predicts. Every law here obeys
 * C = 6·N·D (Kaplan et al. 2020 §2.1), so N_opt · D_opt · 6 = C holds for each of them.
 */

export type LawId =
  | 'chinchilla-approach1'
  | 'chinchilla-approach3'
  | 'chinchilla-approach3-printed'
  | 'epoch-2024'
  | 'kaplan-2020';

/** L(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022, Eq. 2), loss in nats per token. */
export interface ParametricLoss {
  readonly irreducibleLoss: number;
  readonly paramCoefficient: number;
  readonly tokenCoefficient: number;
  readonly paramExponent: number;
  readonly tokenExponent: number;
}

interface LawInfo {
  readonly id: LawId;
  readonly label: string;
  /** Where the constants come from, shown beside them so a user can check. */
  readonly source: string;
  /** What N counts and any caveat a user must know before comparing numbers. */
  readonly note: string;
}

/** A law fitted as L(N, D); its compute-optimal split follows in closed form. */
export interface ParametricLaw extends LawInfo {
  readonly kind: 'parametric';
  readonly loss: ParametricLoss;
}

/** A law that only states N_opt = coefficient · (C / referenceFlops)^exponent. */
export interface AllocationLaw extends LawInfo {
  readonly kind: 'allocation';
  readonly coefficient: number;
  readonly referenceFlops: number;
  readonly exponent: number;
}

export type ScalingLaw = ParametricLaw | AllocationLaw;

export interface ModelSize {
  readonly parameters: number;
  readonly tokens: number;
}

const HOFFMANN = 'Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models"';
const CHINCHILLA_NOTE =
  'N counts all parameters including embeddings; loss is in nats per token on MassiveText.';

/** One PF-day in FLOPs (Kaplan et al. 2020 §1.3). */
export const PETAFLOP_DAY_FLOPS = 8.64e19;

export const LAWS: readonly ScalingLaw[] = [
  {
    id: 'chinchilla-approach3',
    kind: 'parametric',
    label: 'Chinchilla Approach 3 (unrounded constants)',
    source:
      `${HOFFMANN}, Eq. 10, constants unrounded from the paper's TeX source as published ` +
      'with the Epoch AI replication (epoch-research/analyzing-chinchilla).',
    note:
      `${CHINCHILLA_NOTE} These constants reproduce the paper's ~40B optimum at Gopher's ` +
      'budget (Fig. 4); the rounded ones do not.',
    loss: {
      irreducibleLoss: 1.6933737,
      paramCoefficient: 406.40102,
      tokenCoefficient: 410.72283,
      paramExponent: 0.33917084,
      tokenExponent: 0.2849083,
    },
  },
  {
    id: 'chinchilla-approach3-printed',
    kind: 'parametric',
    label: 'Chinchilla Approach 3 (constants as printed)',
    source: `${HOFFMANN}, Eq. 10 as printed: E 1.69, A 406.4, B 410.7, α 0.34, β 0.28.`,
    note:
      `${CHINCHILLA_NOTE} The rounding shifts the optimum: ~32B instead of ~40B at Gopher's ` +
      'budget and far more than 20 tokens per parameter.',
    loss: {
      irreducibleLoss: 1.69,
      paramCoefficient: 406.4,
      tokenCoefficient: 410.7,
      paramExponent: 0.34,
      tokenExponent: 0.28,
    },
  },
  {
    id: 'chinchilla-approach1',
    kind: 'allocation',
    label: 'Chinchilla Approach 1 (Table 3, ~20 tokens per parameter)',
    source:
      `${HOFFMANN}, Table 3 projections (Approach 1, N_opt ∝ C^0.50, Table 2). Coefficient and ` +
      'exponent are a least-squares fit in log space to its rows except the 67B row, which ' +
      'the paper pins to Gopher\'s budget.',
    note:
      'N counts all parameters. Approach 1 gives no loss function, so no loss is predicted.',
    // Fit of ln N = ln G + a·ln(C/6) to Table 3's eight unpinned rows.
    coefficient: 0.24252285567,
    referenceFlops: 6,
    exponent: 0.49809161250,
  },
  {
    id: 'epoch-2024',
    kind: 'parametric',
    label: 'Epoch AI 2024 refit of Approach 3',
    source:
      'Besiroglu et al. 2024, "Chinchilla Scaling: A replication attempt" ' +
      '(epoch-research/analyzing-chinchilla): E 1.8169, A 482.01, B 2085.43, α 0.34781, ' +
      'β 0.36585.',
    note:
      'Refit on data read from the Chinchilla paper\'s figure; consistent with Approaches 1 ' +
      'and 2 (~20 tokens per parameter near Chinchilla\'s scale). N counts all parameters.',
    loss: {
      irreducibleLoss: 1.8169,
      paramCoefficient: 482.01,
      tokenCoefficient: 2085.43,
      paramExponent: 0.34781,
      tokenExponent: 0.36585,
    },
  },
  {
    id: 'kaplan-2020',
    kind: 'allocation',
    label: 'Kaplan et al. 2020 (for contrast)',
    source:
      'Kaplan et al. 2020, "Scaling Laws for Neural Language Models", Table 6: ' +
      'N_opt = 1.3e9 · C_min^0.73 with C_min in PF-days, taking C = 2·C_min as Hoffmann et ' +
      'al. do when they compare.',
    note:
      'N counts non-embedding parameters only. Known limitation: its L(N, D) was fit on ' +
      'WebText2 with early-stopped runs and its allocation is not that loss\'s minimum at ' +
      'fixed 6ND, so no loss is predicted for it here.',
    coefficient: 1.3e9,
    referenceFlops: 2 * PETAFLOP_DAY_FLOPS,
    exponent: 0.73,
  },
];

export const DEFAULT_LAW_ID: LawId = 'chinchilla-approach3';

export const LAW_IDS: readonly LawId[] = LAWS.map((law) => law.id);

export function findLaw(id: string): ScalingLaw | undefined {
  return LAWS.find((law) => law.id === id);
}

export function getLaw(id: LawId): ScalingLaw {
  const law = findLaw(id);
  if (law === undefined) {
    throw new Error(`Unknown scaling law "${id}".`);
  }
  return law;
}

/** Training compute of a dense transformer: 2N FLOPs per token forward, 4N backward. */
export function trainingFlops(parameters: number, tokens: number): number {
  return 6 * parameters * tokens;
}

/** The exponent a in N_opt ∝ C^a. */
export function parameterExponent(law: ScalingLaw): number {
  if (law.kind === 'allocation') {
    return law.exponent;
  }
  const { paramExponent: alpha, tokenExponent: beta } = law.loss;
  return beta / (alpha + beta);
}

/** Compute-optimal parameters and tokens for a budget; 6·N·D equals the budget exactly. */
export function computeOptimal(law: ScalingLaw, computeFlops: number): ModelSize {
  const parameters =
    law.kind === 'allocation'
      ? law.coefficient * Math.pow(computeFlops / law.referenceFlops, law.exponent)
      : parametricOptimalParameters(law.loss, computeFlops);
  return { parameters, tokens: computeFlops / (6 * parameters) };
}

/** Hoffmann et al. Eq. 4: N_opt = G·(C/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β)). */
function parametricOptimalParameters(loss: ParametricLoss, computeFlops: number): number {
  const { paramExponent: alpha, tokenExponent: beta } = loss;
  const g = Math.pow(
    (alpha * loss.paramCoefficient) / (beta * loss.tokenCoefficient),
    1 / (alpha + beta),
  );
  return g * Math.pow(computeFlops / 6, beta / (alpha + beta));
}

/** The budget whose compute-optimal model has `parameters` parameters (inverse of the above). */
export function budgetForOptimalParameters(law: ScalingLaw, parameters: number): number {
  const atOneFlop = computeOptimal(law, 1).parameters;
  return Math.pow(parameters / atOneFlop, 1 / parameterExponent(law));
}

export function predictLoss(loss: ParametricLoss, parameters: number, tokens: number): number {
  return (
    loss.irreducibleLoss +
    loss.paramCoefficient / Math.pow(parameters, loss.paramExponent) +
    loss.tokenCoefficient / Math.pow(tokens, loss.tokenExponent)
  );
}

/** The lowest loss a model of this size reaches with unlimited data. */
export function lossFloor(loss: ParametricLoss, parameters: number): number {
  return loss.irreducibleLoss + loss.paramCoefficient / Math.pow(parameters, loss.paramExponent);
}

/**
 * Tokens a model of `parameters` parameters needs to reach `target` loss, or undefined when
 * the target is at or below the model's floor (no amount of data reaches it).
 */
export function tokensForLoss(
  loss: ParametricLoss,
  parameters: number,
  target: number,
): number | undefined {
  const headroom = target - lossFloor(loss, parameters);
  if (!(headroom > 0)) {
    return undefined;
  }
  const tokens = Math.pow(loss.tokenCoefficient / headroom, 1 / loss.tokenExponent);
  return Number.isFinite(tokens) ? tokens : undefined;
}
