import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseBudget, analyseRun } from '../../../../src/core/scaling/analysis';
import { ACCELERATORS, planHardware } from '../../../../src/core/scaling/hardware';
import { getLaw, type ParametricLaw } from '../../../../src/core/scaling/laws';

// A toy law that is easy to solve by hand: L(N, D) = 1/√N + 1/√D, so at a fixed budget the
// optimum is N = D = √(C/6), and at C = 6e4 it is N = D = 100 with loss 0.2.
const TOY: ParametricLaw = {
  id: 'chinchilla-approach3',
  kind: 'parametric',
  label: 'toy',
  source: 'hand-made',
  note: '',
  loss: {
    irreducibleLoss: 0,
    paramCoefficient: 1,
    tokenCoefficient: 1,
    paramExponent: 0.5,
    tokenExponent: 0.5,
  },
};

describe('analyseRun', () => {
  it('finds the optimum, its loss and the run\'s 6ND compute', () => {
    const analysis = analyseRun(TOY, 400, 25);
    assert.equal(analysis.run.computeFlops, 6e4);
    assert.equal(analysis.run.tokensPerParameter, 25 / 400);
    assert.ok(Math.abs(analysis.run.loss! - 0.25) < 1e-12);
    assert.ok(Math.abs(analysis.optimal.parameters - 100) < 1e-9);
    assert.ok(Math.abs(analysis.optimal.loss! - 0.2) < 1e-12);
  });

  it('says how much more compute an oversized model needs to match the optimal loss', () => {
    // N = 400 has floor 1/20 = 0.05; reaching 0.2 needs 1/√D = 0.15, D = 44.44, so
    // C = 6·400·44.44 = 106,667, which is 77.8% more than 6e4.
    const penalty = analyseRun(TOY, 400, 25).penalty;
    assert.ok(penalty?.reachable === true);
    assert.ok(Math.abs(penalty.tokens - 400 / 9) < 1e-9);
    assert.ok(Math.abs(penalty.extraComputeFraction - 7 / 9) < 1e-9);
  });

  it('explains that an undersized model cannot reach the optimal loss at all', () => {
    // N = 16 has floor 1/4 = 0.25, above the optimum's 0.2.
    const penalty = analyseRun(TOY, 16, 625).penalty;
    assert.ok(penalty?.reachable === false);
    assert.match(penalty.reason, /cannot reach the optimal model's loss \(0\.200\).*floor is 0\.250/);
  });

  it('rejects negative or zero sizes with a clear message', () => {
    const law = getLaw('chinchilla-approach3');
    assert.throws(() => analyseRun(law, -70e9, 1.4e12), /parameters must be a positive/);
    assert.throws(() => analyseRun(law, 70e9, 0), /training tokens must be a positive/);
    assert.throws(() => analyseBudget(law, Number.NaN), /compute budget must be a positive/);
  });

  it('reports no loss and no penalty for a law without a loss function', () => {
    const analysis = analyseRun(getLaw('kaplan-2020'), 175e9, 300e9);
    assert.equal(analysis.run.loss, null);
    assert.equal(analysis.penalty, null);
  });

  it('computes Gopher\'s 280B × 300B run as 5.04e23 FLOPs at 1.07 tokens per parameter', () => {
    const analysis = analyseRun(getLaw('chinchilla-approach3'), 280e9, 300e9);
    assert.ok(Math.abs(analysis.run.computeFlops / 5.04e23 - 1) < 1e-12);
    assert.equal(analysis.run.tokensPerParameter.toFixed(2), '1.07');
  });
});

describe('planHardware', () => {
  const h100 = ACCELERATORS.find((accelerator) => accelerator.id === 'h100-sxm')!;

  it('turns 1e24 FLOPs on 1,024 H100s at 40% MFU into GPU-hours, days and dollars', () => {
    // Hand-computed: 1e24 / (989.4e12 × 0.4 × 3600) = 701,884 GPU-hours; / 1024 / 24 = 28.56
    // days; × $2.50 = $1,754,711.
    const plan = planHardware(1e24, h100, 1024, 0.4, 2.5);
    assert.equal(Math.round(plan.gpuHours), 701_884);
    assert.equal(plan.wallClockDays.toFixed(2), '28.56');
    assert.equal(Math.round(plan.costUsd!), 1_754_711);
  });

  it('leaves the cost out when no price is given', () => {
    assert.equal(planHardware(1e24, h100, 8, 0.4).costUsd, undefined);
  });

  it('rejects a fractional accelerator count and an MFU above 1', () => {
    assert.throws(() => planHardware(1e24, h100, 1.5, 0.4), /whole number/);
    assert.throws(() => planHardware(1e24, h100, 8, 40), /at most 1/);
  });

  it('lists dense (not 2:4-sparse) peaks: A100 312 and H100 SXM 989.4 TFLOPS', () => {
    const peak = (id: string): number | undefined =>
      ACCELERATORS.find((accelerator) => accelerator.id === id)?.peakFlopsPerSecond;
    assert.equal(peak('a100'), 312e12);
    assert.equal(peak('h100-sxm'), 989.4e12);
    for (const accelerator of ACCELERATORS) {
      assert.ok(accelerator.source.length > 0);
    }
  });
});
