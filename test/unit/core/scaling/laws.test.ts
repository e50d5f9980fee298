import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  computeOptimal,
  getLaw,
  LAW_IDS,
  LAWS,
  parameterExponent,
  predictLoss,
  type ParametricLaw,
} from '../../../../src/core/scaling/laws';

/** Relative difference |actual/expected − 1|. */
function relative(actual: number, expected: number): number {
  return Math.abs(actual / expected - 1);
}

// Hoffmann et al. 2022, Table 3: parameters, FLOPs, tokens.
const TABLE_3: readonly [number, number, number][] = [
  [400e6, 1.92e19, 8.0e9],
  [1e9, 1.21e20, 20.2e9],
  [10e9, 1.23e22, 205.1e9],
  [175e9, 3.85e24, 3.7e12],
  [280e9, 9.9e24, 5.9e12],
  [520e9, 3.43e25, 11.0e12],
  [1e12, 1.27e26, 21.2e12],
  [10e12, 1.3e28, 216.2e12],
];
const GOPHER_FLOPS = 5.76e23;

describe('Chinchilla Approach 1 (Table 3)', () => {
  const law = getLaw('chinchilla-approach1');

  for (const [parameters, flops, tokens] of TABLE_3) {
    const name = `${parameters / 1e9}B parameters, ${tokens / 1e9}B tokens`;
    it(`projects ${name} at ${flops.toExponential()} FLOPs`, () => {
        // Tolerance: 0.5% in N; 1% in D, because the table rounds D to 2-3 digits.
        const optimum = computeOptimal(law, flops);
        assert.ok(relative(optimum.parameters, parameters) < 0.005, `N ${optimum.parameters}`);
        assert.ok(relative(optimum.tokens, tokens) < 0.01, `D ${optimum.tokens}`);
      });
  }

  it('gives ~67B at Gopher\'s budget, the row the paper pins (6ND there is 6.03e23, not C)',
    () => {
      // The row's own N and D do not satisfy 6ND = 5.76e23, so D can only match within ~6%.
      const optimum = computeOptimal(law, GOPHER_FLOPS);
      assert.ok(relative(optimum.parameters, 67e9) < 0.02, `N ${optimum.parameters}`);
      assert.ok(relative(optimum.tokens, 1.5e12) < 0.07, `D ${optimum.tokens}`);
    });

  it('keeps 20 to 22 tokens per parameter from 400M to 10T parameters', () => {
    for (const [, flops] of TABLE_3) {
      const optimum = computeOptimal(law, flops);
      const tokensPerParameter = optimum.tokens / optimum.parameters;
      assert.ok(tokensPerParameter > 19.9 && tokensPerParameter < 22, `${tokensPerParameter}`);
    }
  });

  it('scales N_opt as C^a with a inside Table 2\'s interval for Approach 1 (0.488 to 0.502)',
    () => {
      const exponent = parameterExponent(law);
      assert.ok(exponent >= 0.488 && exponent <= 0.502, `${exponent}`);
    });
});

describe('Chinchilla Approach 3', () => {
  it('puts the optimum at Gopher\'s budget near 40B with the unrounded constants (Fig. 4)', () => {
    const optimum = computeOptimal(getLaw('chinchilla-approach3'), GOPHER_FLOPS);
    assert.ok(Math.abs(optimum.parameters - 40e9) < 1e9, `N ${optimum.parameters}`);
  });

  it('puts it near 32B with the constants as printed', () => {
    const optimum = computeOptimal(getLaw('chinchilla-approach3-printed'), GOPHER_FLOPS);
    assert.ok(Math.abs(optimum.parameters - 32e9) < 1e9, `N ${optimum.parameters}`);
  });

  it('has the exponents of Table 2: N_opt ∝ C^0.46 and D_opt ∝ C^0.54', () => {
    const exponent = parameterExponent(getLaw('chinchilla-approach3'));
    assert.equal(Number(exponent.toFixed(2)), 0.46);
    assert.equal(Number((1 - exponent).toFixed(2)), 0.54);
  });

  it('predicts E + A/N^α + B/D^β: 1.69 + 406.4/1e9^0.34 + 410.7/1e11^0.28 with printed', () => {
    // Hand-computed: 406.4/1e9^0.34 = 406.4/1148.15 = 0.35396; 410.7/1e11^0.28 = 410.7/1202.26
    // = 0.34161; total 2.38557.
    const law = getLaw('chinchilla-approach3-printed') as ParametricLaw;
    assert.ok(Math.abs(predictLoss(law.loss, 1e9, 1e11) - 2.38557) < 1e-4);
  });
});

describe('Epoch AI 2024 refit', () => {
  it('implies roughly 20 tokens per parameter near Chinchilla\'s scale', () => {
    const optimum = computeOptimal(getLaw('epoch-2024'), GOPHER_FLOPS);
    const tokensPerParameter = optimum.tokens / optimum.parameters;
    assert.ok(tokensPerParameter > 15 && tokensPerParameter < 25, `${tokensPerParameter}`);
  });

  it('scales N_opt as C^0.513', () => {
    assert.equal(Number(parameterExponent(getLaw('epoch-2024')).toFixed(3)), 0.513);
  });
});

describe('Kaplan et al. 2020', () => {
  it('grows the model 5.5× and the data 1.8× for 10× compute, as Hoffmann et al. quote', () => {
    // The quote rounds C^0.73 and C^0.27: 10^0.73 = 5.37 and 10^0.27 = 1.86, so 3% and 4%.
    const law = getLaw('kaplan-2020');
    const small = computeOptimal(law, 1e22);
    const large = computeOptimal(law, 1e23);
    assert.ok(relative(large.parameters / small.parameters, 5.5) < 0.03);
    assert.ok(relative(large.tokens / small.tokens, 1.8) < 0.04);
  });

  it('recommends 1.3e9 non-embedding parameters at C_min = 1 PF-day (C = 2 PF-days)', () => {
    const optimum = computeOptimal(getLaw('kaplan-2020'), 2 * 8.64e19);
    assert.ok(relative(optimum.parameters, 1.3e9) < 1e-12);
  });
});

describe('every law', () => {
  it('lists the five laws the CLI names, Approach 3 unrounded first', () => {
    assert.deepEqual(LAW_IDS, [
      'chinchilla-approach3',
      'chinchilla-approach3-printed',
      'chinchilla-approach1',
      'epoch-2024',
      'kaplan-2020',
    ]);
  });

  for (const law of LAWS) {
    it(`${law.id}: spends the whole budget, 6·N_opt·D_opt = C`, () => {
      for (const flops of [1e18, 5.76e23, 3.8e25, 1e30]) {
        const optimum = computeOptimal(law, flops);
        assert.ok(relative(6 * optimum.parameters * optimum.tokens, flops) < 1e-12);
      }
    });

    it(`${law.id}: names its source and what N counts`, () => {
      assert.match(law.source, /20(20|22|24)/);
      assert.match(law.note, /N counts|embedding/);
    });
  }
});
