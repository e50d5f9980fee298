import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

// The built CLI (`npm run build` makes dist/cli.js) is what users run, so it is what we test.
const CLI = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

function cli(args: string[]): { code: number; out: string; err: string } {
  const result = spawnSync(process.execPath, [CLI, 'scaling', ...args], { encoding: 'utf8' });
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}

function json(args: string[]): Record<string, unknown> {
  const { code, out, err } = cli([...args, '--json']);
  assert.equal(code, 0, err);
  return JSON.parse(out) as Record<string, unknown>;
}

describe('llm-scope scaling', () => {
  it('gives ~40B parameters at Gopher\'s budget with the default law (Approach 3, unrounded)',
    () => {
      const result = json(['--compute', '5.76e23']);
      assert.equal(result.law, 'chinchilla-approach3');
      assert.equal(result.computeFlops, 5.76e23);
      assert.ok(Math.abs((result.parameters as number) - 40e9) < 1e9);
      assert.equal(typeof result.loss, 'number');
    });

  it('gives ~32B with --law chinchilla-approach3-printed', () => {
    const result = json(['--compute', '5.76e23', '--law', 'chinchilla-approach3-printed']);
    assert.ok(Math.abs((result.parameters as number) - 32e9) < 1e9);
  });

  it('reproduces Table 3\'s 175B row with Approach 1 and reports no loss', () => {
    const result = json(['--compute', '3.85e24', '--law', 'chinchilla-approach1']);
    assert.ok(Math.abs((result.parameters as number) / 175e9 - 1) < 0.005);
    assert.ok(Math.abs((result.tokens as number) / 3.7e12 - 1) < 0.01);
    assert.equal(result.loss, null);
  });

  it('computes 6ND and tokens per parameter for a planned run given with suffixes', () => {
    const result = json(['--params', '70B', '--tokens', '1.4T']);
    assert.ok(Math.abs((result.computeFlops as number) / 5.88e23 - 1) < 1e-12);
    assert.equal(result.tokensPerParameter, 20);
    assert.ok(typeof result.optimal === 'object' && result.optimal !== null);
  });

  it('plans for inference like Sardana et al.: a 13B quality served 2T tokens is smaller', () => {
    const result = json(['--quality-params', '13B', '--inference-tokens', '2 trillion']);
    assert.ok((result.parameters as number) < 9e9 && (result.parameters as number) > 6e9);
    assert.ok((result.savingFraction as number) > 0.1);
  });

  it('adds GPU-hours, days and cost with hardware flags', () => {
    // Hand-computed: 1e24 / (989.4e12 × 0.4 × 3600) = 701,884 GPU-hours; / 1024 / 24 = 28.56.
    const result = json(['--compute', '1e24', '--gpu', 'h100-sxm', '--gpus', '1024', '--mfu',
      '0.4', '--price', '2.5']);
    const hardware = result.hardware as Record<string, number>;
    assert.equal(Math.round(hardware.gpuHours), 701_884);
    assert.equal(hardware.wallClockDays.toFixed(2), '28.56');
    assert.equal(Math.round(hardware.costUsd), 1_754_711);
  });

  it('prints a readable table with the law\'s source', () => {
    const { code, out } = cli(['--compute', '5.76e23']);
    assert.equal(code, 0);
    assert.match(out, /^Chinchilla Approach 3 \(unrounded constants\)$/m);
    assert.match(out, /Optimal parameters\s+40\.4B/);
    assert.match(out, /Source: Hoffmann et al\. 2022/);
  });

  it('rejects a negative size, naming the flag, with exit code 2', () => {
    const { code, err } = cli(['--params=-70B', '--tokens', '1.4T']);
    assert.equal(code, 2);
    assert.match(err, /--params: Must be positive/);
  });

  it('rejects an unknown law, an unknown GPU and an MFU of 40 without a percent sign', () => {
    assert.match(cli(['--compute', '1e24', '--law', 'moore']).err, /Unknown law "moore"/);
    assert.match(cli(['--compute', '1e24', '--gpu', 'abacus']).err, /Unknown GPU "abacus"/);
    const mfu = cli(['--compute', '1e24', '--mfu', '40']);
    assert.equal(mfu.code, 2);
    assert.match(mfu.err, /--mfu: Write 40% with a percent sign/);
  });

  it('asks for exactly one mode and for the missing half of a pair', () => {
    assert.match(cli([]).err, /Give exactly one of/);
    assert.match(cli(['--compute', '1e24', '--params', '7B']).err, /Give exactly one of/);
    assert.match(cli(['--params', '7B']).err, /Also give --tokens/);
  });

  it('refuses the inference mode with a law that has no loss function', () => {
    const { code, err } = cli(['--quality-params', '7B', '--inference-tokens', '1T', '--law',
      'kaplan-2020']);
    assert.equal(code, 2);
    assert.match(err, /no loss function/);
  });
});
