import { trainingFlops } from './laws';

/**
 * Published training runs, to place a plan among real models. Only figures stated by the
 * model's own paper or card (or by Hoffmann et al. 2022 Table 1) are listed; where a paper
 * gives no compute, it is estimated as 6·N·D and marked so.
 */

export type ArchitectureFamily = 'decoder-only' | 'encoder-decoder' | 'encoder-only';

/** closed: no weights; open-weights: weights only; open-source: weights, data and checkpoints. */
export type Openness = 'closed' | 'open-weights' | 'open-source';

export interface ReferenceModel {
  readonly name: string;
  readonly builder: string;
  readonly year: number;
  readonly parameters: number;
  readonly tokens: number;
  readonly computeFlops: number;
  /** 'reported' when the source states the compute; '6ND' when estimated from N and D. */
  readonly computeBasis: 'reported' | '6ND';
  readonly family: ArchitectureFamily;
  readonly openness: Openness;
  readonly source: string;
  readonly note?: string;
}

type Entry = Omit<ReferenceModel, 'computeFlops' | 'computeBasis'> & {
  readonly reportedFlops?: number;
};

const HOFFMANN_TABLE_1 = 'Hoffmann et al. 2022, Table 1';

const ENTRIES: readonly Entry[] = [
  {
    name: 'BERT-Large',
    builder: 'Google',
    year: 2018,
    parameters: 340e6,
    tokens: 128e9,
    family: 'encoder-only',
    openness: 'open-weights',
    source: 'Devlin et al. 2018, Appendix A.2 (1M steps of 128,000 tokens)',
    note:
      'Upper bound: 90% of steps used 128-token sequences. A masked-LM objective, so tokens ' +
      'per parameter are not comparable with decoder-only models.',
  },
  {
    name: 'T5-11B',
    builder: 'Google',
    year: 2019,
    parameters: 11e9,
    tokens: 1e12,
    family: 'encoder-decoder',
    openness: 'open-weights',
    source: 'Raffel et al. 2019, §3.7 (1M steps of 2^11 × 512 tokens, about 1T tokens)',
    note: 'Each token passes through the encoder or the decoder, so 6ND overstates compute.',
  },
  {
    name: 'GPT-3',
    builder: 'OpenAI',
    year: 2020,
    parameters: 175e9,
    tokens: 300e9,
    reportedFlops: 3.14e23,
    family: 'decoder-only',
    openness: 'closed',
    source: 'Brown et al. 2020, Table D.1; Hoffmann et al. 2022, Table 1',
  },
  {
    name: 'Gopher',
    builder: 'DeepMind',
    year: 2021,
    parameters: 280e9,
    tokens: 300e9,
    reportedFlops: 5.76e23,
    family: 'decoder-only',
    openness: 'closed',
    source: `Rae et al. 2021; ${HOFFMANN_TABLE_1}`,
  },
  {
    name: 'LaMDA',
    builder: 'Google',
    year: 2022,
    parameters: 137e9,
    tokens: 168e9,
    family: 'decoder-only',
    openness: 'closed',
    source: `Thoppilan et al. 2022; ${HOFFMANN_TABLE_1}`,
  },
  {
    name: 'MT-NLG',
    builder: 'Microsoft and NVIDIA',
    year: 2022,
    parameters: 530e9,
    tokens: 270e9,
    family: 'decoder-only',
    openness: 'closed',
    source: `Smith et al. 2022; ${HOFFMANN_TABLE_1}`,
  },
  {
    name: 'Chinchilla',
    builder: 'DeepMind',
    year: 2022,
    parameters: 70e9,
    tokens: 1.4e12,
    reportedFlops: 5.76e23,
    family: 'decoder-only',
    openness: 'closed',
    source: `${HOFFMANN_TABLE_1} (same budget as Gopher)`,
  },
  {
    name: 'PaLM',
    builder: 'Google',
    year: 2022,
    parameters: 540e9,
    tokens: 780e9,
    family: 'decoder-only',
    openness: 'closed',
    source: 'Chowdhery et al. 2022',
  },
  {
    name: 'Pythia-12B',
    builder: 'EleutherAI',
    year: 2023,
    parameters: 12e9,
    tokens: 300e9,
    family: 'decoder-only',
    openness: 'open-source',
    source: 'Biderman et al. 2023 (the Pile, 154 public checkpoints per model)',
    note: 'Nominal size.',
  },
  ...[7e9, 13e9, 70e9].map(
    (parameters, index): Entry => ({
      name: `Llama 2 ${parameters / 1e9}B`,
      builder: 'Meta',
      year: 2023,
      parameters,
      tokens: 2e12,
      family: 'decoder-only',
      openness: 'open-weights',
      source: 'Llama 2 model card; Touvron et al. 2023',
      note: `${['184,320', '368,640', '1,720,320'][index]} A100-80GB GPU-hours (model card).`,
    }),
  ),
  ...[8e9, 70e9].map(
    (parameters, index): Entry => ({
      name: `Llama 3 ${parameters / 1e9}B`,
      builder: 'Meta',
      year: 2024,
      parameters,
      tokens: 15e12,
      family: 'decoder-only',
      openness: 'open-weights',
      source: 'Meta Llama 3 model card',
      note: `"15T+" tokens; ${['1.3M', '6.4M'][index]} H100 GPU-hours (model card).`,
    }),
  ),
  {
    name: 'Llama 3.1 405B',
    builder: 'Meta',
    year: 2024,
    parameters: 405e9,
    tokens: 15.6e12,
    reportedFlops: 3.8e25,
    family: 'decoder-only',
    openness: 'open-weights',
    source: 'Llama Team 2024, "The Llama 3 Herd of Models"',
  },
  ...[
    [7e9, 4e12],
    [13e9, 5e12],
  ].map(
    ([parameters, tokens]): Entry => ({
      name: `OLMo 2 ${parameters / 1e9}B`,
      builder: 'Allen Institute for AI',
      year: 2024,
      parameters,
      tokens,
      family: 'decoder-only',
      openness: 'open-source',
      source: 'OLMo 2 model card (code, data, checkpoints and logs released)',
    }),
  ),
  {
    name: 'DeepSeek-V3',
    builder: 'DeepSeek',
    year: 2024,
    parameters: 37e9,
    tokens: 14.8e12,
    family: 'decoder-only',
    openness: 'open-weights',
    source: 'DeepSeek-AI 2024, "DeepSeek-V3 Technical Report"',
    note:
      'Mixture of experts: 671B parameters in all, 37B active per token (used here); ' +
      '2.788M H800 GPU-hours.',
  },
];

export const REFERENCE_MODELS: readonly ReferenceModel[] = ENTRIES.map(
  ({ reportedFlops, ...entry }) => ({
    ...entry,
    computeFlops: reportedFlops ?? trainingFlops(entry.parameters, entry.tokens),
    computeBasis: reportedFlops === undefined ? '6ND' : 'reported',
  }),
);

export const OPENNESS_LABELS: Record<Openness, string> = {
  closed: 'closed',
  'open-weights': 'open weights',
  'open-source': 'open (weights, data, checkpoints)',
};
