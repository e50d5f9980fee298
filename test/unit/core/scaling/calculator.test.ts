import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  calculate,
  DEFAULT_INPUTS,
  resultToMarkdown,
} from '../../../../src/core/scaling/calculator';
import { chartSeries } from '../../../../src/core/scaling/chartSeries';
import { REFERENCE_MODELS } from '../../../../src/core/scaling/referenceModels';

function row(result: ReturnType<typeof calculate>, label: string): string | undefined {
  return result.rows.find((candidate) => candidate.label === label)?.value;
}

describe('calculator', () => {
  it('opens on Gopher\'s budget and shows the ~40B Approach 3 optimum', () => {
    const result = calculate(DEFAULT_INPUTS);
    assert.equal(row(result, 'Compute budget (FLOPs)'), '5.76e23');
    assert.equal(row(result, 'Optimal parameters'), '40.4B');
  });

  it('adds GPU-hours and days for the default fleet of 1,024 H100s at 40% MFU', () => {
    // Hand-computed: 5.76e23 / (989.4e12 × 0.4 × 3600) = 404,285 GPU-hours; / 1024 / 24 = 16.45.
    const result = calculate(DEFAULT_INPUTS);
    assert.equal(row(result, 'GPU-hours'), '404,285 (40% MFU)');
    assert.equal(row(result, 'Wall-clock days'), '16.5 on 1,024 × NVIDIA H100 SXM');
  });

  it('puts a message beside each field that does not parse and shows no figures', () => {
    const result = calculate({ ...DEFAULT_INPUTS, compute: 'lots', mfu: '140%' });
    assert.match(result.errors.compute ?? '', /not a number/);
    assert.match(result.errors.mfu ?? '', /at most 100%/);
    assert.equal(result.rows.length, 0);
    assert.match(resultToMarkdown(result), /No result: .*not a number/);
  });

  it('explains that the inference mode needs a law with a loss function', () => {
    const result = calculate({ ...DEFAULT_INPUTS, mode: 'inference', law: 'kaplan-2020' });
    assert.match(result.problem ?? '', /no loss function/);
  });

  it('never shows NaN in any mode, law or extreme input', () => {
    const extremes = ['1', '1e30', '70B', '0.001'];
    for (const mode of ['budget', 'run', 'inference'] as const) {
      for (const law of ['chinchilla-approach3', 'chinchilla-approach1', 'kaplan-2020'] as const) {
        for (const text of extremes) {
          const inputs = {
            ...DEFAULT_INPUTS,
            mode,
            law,
            compute: text,
            parameters: text,
            qualityParameters: text,
          };
          const markdown = resultToMarkdown(calculate(inputs));
          assert.doesNotMatch(markdown, /NaN|undefined|Infinity/, `${mode} ${law} ${text}`);
        }
      }
    }
  });

  it('writes a Markdown table that names the law and its source', () => {
    const markdown = resultToMarkdown(calculate(DEFAULT_INPUTS));
    assert.match(markdown, /^### Scaling-law estimate: Chinchilla Approach 3 \(unrounded/);
    assert.match(markdown, /\| Optimal parameters \| 40\.4B \|/);
    assert.match(markdown, /Hoffmann et al\. 2022/);
    assert.match(markdown, /6·N·D approximation/);
  });

  it('charts IsoFLOP curves whose lowest point is the marked optimum', () => {
    const series = chartSeries(calculate(DEFAULT_INPUTS));
    for (const { curve, optimum } of series.isoFlop) {
      const lowest = Math.min(...curve.map((point) => point.y));
      assert.ok(optimum.y <= lowest + 1e-12);
    }
    assert.equal(series.references.length, REFERENCE_MODELS.length);
  });
});

describe('reference models', () => {
  const byName = (name: string): (typeof REFERENCE_MODELS)[number] =>
    REFERENCE_MODELS.find((model) => model.name === name)!;

  it('shows Chinchilla at 20 tokens per parameter and GPT-3 at 1.7', () => {
    assert.equal(byName('Chinchilla').tokens / byName('Chinchilla').parameters, 20);
    assert.equal((byName('GPT-3').tokens / byName('GPT-3').parameters).toFixed(1), '1.7');
  });

  it('uses the reported compute where a paper gives one and 6ND otherwise', () => {
    assert.equal(byName('Gopher').computeFlops, 5.76e23);
    assert.equal(byName('Llama 3.1 405B').computeFlops, 3.8e25);
    assert.equal(byName('Llama 2 70B').computeBasis, '6ND');
    assert.ok(Math.abs(byName('Llama 2 70B').computeFlops / 8.4e23 - 1) < 1e-12);
  });

  it('gives every row a builder, family, openness and source', () => {
    for (const model of REFERENCE_MODELS) {
      assert.ok(model.builder && model.source, model.name);
      assert.ok(['decoder-only', 'encoder-decoder', 'encoder-only'].includes(model.family));
      assert.ok(['closed', 'open-weights', 'open-source'].includes(model.openness));
    }
  });
});
