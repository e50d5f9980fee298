import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MODELS, resolveTokenizerTarget } from '../../../../src/core/tokens/models';
import { mergeRanges } from '../../../../src/core/tokens/selections';

describe('resolveTokenizerTarget', () => {
  it('resolves an encoding name to that encoding without a model', () => {
    assert.deepEqual(resolveTokenizerTarget('cl100k_base'), {
      encoding: 'cl100k_base',
      model: undefined,
    });
  });

  it('resolves model names as tiktoken maps them', () => {
    // Expected encodings as published in tiktoken's model table.
    const expected: Record<string, string> = {
      'gpt-4o': 'o200k_base',
      'gpt-4o-mini': 'o200k_base',
      'gpt-4': 'cl100k_base',
      'gpt-3.5-turbo': 'cl100k_base',
      'text-embedding-3-small': 'cl100k_base',
      'text-davinci-003': 'p50k_base',
      davinci: 'r50k_base',
      o1: 'o200k_base',
    };
    for (const [model, encoding] of Object.entries(expected)) {
      assert.equal(resolveTokenizerTarget(model)?.encoding, encoding, model);
    }
  });

  it('resolves a dated snapshot to its base model, preferring the longest match', () => {
    assert.equal(resolveTokenizerTarget('gpt-4o-mini-2024-07-18')?.model?.id, 'gpt-4o-mini');
    assert.equal(resolveTokenizerTarget('GPT-4-0613')?.model?.id, 'gpt-4');
  });

  it('returns undefined for unknown names', () => {
    assert.equal(resolveTokenizerTarget('llama-3'), undefined);
    assert.equal(resolveTokenizerTarget(''), undefined);
  });

  it('gives every model a positive context window and a unique id', () => {
    assert.equal(new Set(MODELS.map((model) => model.id)).size, MODELS.length);
    for (const model of MODELS) {
      assert.ok(model.contextWindow > 0, model.id);
    }
  });
});

describe('mergeRanges', () => {
  it('drops empty ranges and joins overlapping and touching ones', () => {
    assert.deepEqual(
      mergeRanges([
        { start: 10, end: 20 },
        { start: 5, end: 5 },
        { start: 15, end: 25 },
        { start: 0, end: 3 },
        { start: 25, end: 30 },
      ]),
      [
        { start: 0, end: 3 },
        { start: 10, end: 30 },
      ],
    );
  });

  it('keeps a range that contains another once', () => {
    assert.deepEqual(mergeRanges([{ start: 0, end: 100 }, { start: 10, end: 20 }]), [
      { start: 0, end: 100 },
    ]);
  });
});
