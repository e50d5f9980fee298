import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  inferenceBreakEvenTokens,
  planForInference,
} from '../../../../src/core/scaling/inference';
import { getLaw, type ParametricLaw } from '../../../../src/core/scaling/laws';

// Sardana et al. 2024 fit the Chinchilla loss with these constants.
const SARDANA: ParametricLaw = {
  id: 'chinchilla-approach3',
  kind: 'parametric',
  label: 'Sardana et al. 2024 constants',
  source: 'Sardana et al. 2024',
  note: '',
  loss: {
    irreducibleLoss: 1.69,
    paramCoefficient: 406.4,
    tokenCoefficient: 410.7,
    paramExponent: 0.336,
    tokenExponent: 0.283,
  },
};

describe('inference-aware optimum (Sardana et al. 2024)', () => {
  it('makes a 13B-quality model served 2T tokens ~7B and saves ~17% of compute', () => {
    const plan = planForInference(SARDANA, 13e9, 2e12);
    assert.ok(Math.abs(plan.optimal.parameters - 7e9) < 0.3e9, `${plan.optimal.parameters}`);
    assert.ok(Math.abs(plan.savingFraction - 0.17) < 0.01, `${plan.savingFraction}`);
  });

  it('makes a 30B-quality model served 1e13 tokens 13.6B on 2.84× the data, 28% cheaper', () => {
    const plan = planForInference(SARDANA, 30e9, 1e13);
    assert.ok(Math.abs(plan.optimal.parameters - 13.6e9) < 0.1e9, `${plan.optimal.parameters}`);
    assert.ok(Math.abs(plan.trainingTokensRatio - 2.84) < 0.02, `${plan.trainingTokensRatio}`);
    assert.ok(Math.abs(plan.savingFraction - 0.28) < 0.01, `${plan.savingFraction}`);
  });

  it('keeps the Chinchilla-optimal model when nothing is served', () => {
    const plan = planForInference(SARDANA, 7e9, 0);
    assert.ok(Math.abs(plan.optimal.parameters / 7e9 - 1) < 1e-3);
    assert.ok(plan.savingFraction >= 0 && plan.savingFraction < 1e-6);
  });

  it('reaches the target loss with the model it recommends', () => {
    const plan = planForInference(SARDANA, 30e9, 1e13);
    const { loss } = SARDANA;
    const reached =
      loss.irreducibleLoss +
      loss.paramCoefficient / plan.optimal.parameters ** loss.paramExponent +
      loss.tokenCoefficient / plan.optimal.trainingTokens ** loss.tokenExponent;
    assert.ok(Math.abs(reached - plan.targetLoss) < 1e-9);
  });

  it('stays finite for extreme demand, from one token to 1e20 tokens served', () => {
    const law = getLaw('chinchilla-approach3') as ParametricLaw;
    for (const served of [1, 1e15, 1e20]) {
      for (const quality of [1e6, 70e9, 1e13]) {
        const plan = planForInference(law, quality, served);
        const { parameters, totalFlops } = plan.optimal;
        for (const value of [parameters, totalFlops, plan.savingFraction]) {
          assert.ok(Number.isFinite(value), `${quality} / ${served}: ${value}`);
        }
        assert.ok(plan.optimal.parameters <= quality * (1 + 1e-9));
      }
    }
  });

  it('rejects a negative quality size or negative inference tokens with a message', () => {
    assert.throws(() => planForInference(SARDANA, -1, 1e12), /positive/);
    assert.throws(() => planForInference(SARDANA, 7e9, -5), /zero or a positive/);
    assert.throws(() => planForInference(SARDANA, Number.NaN, 1), /positive/);
  });

  it('puts the break-even at 3× the training tokens (6ND_train = 2ND_inference)', () => {
    assert.equal(inferenceBreakEvenTokens(1.4e12), 4.2e12);
  });
});
