import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');

/** The files `vsce package` would put in the .vsix, as vsce itself lists them. */
function packagedFiles(): string[] {
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.split('\n').filter((line) => line.trim() !== '');
}

describe('the .vsix contents', () => {
  const files = packagedFiles();
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('holds the entry points, the worker, the Cohere SDK and every encoding\'s ranks', () => {
    const required = [
      manifest.main.replace(/^\.\//, ''),
      manifest.bin['llm-scope'].replace(/^\.\//, ''),
      'dist/tokenWorker.js',
      'dist/cohere.js',
      'dist/ranks/o200k_base.json',
      'dist/ranks/cl100k_base.json',
      'dist/ranks/p50k_base.json',
      'dist/ranks/r50k_base.json',
      'README.md',
      'LICENSE',
    ];
    for (const file of required) {
      assert.ok(files.includes(file), `${file} is missing from the package`);
    }
  });

  it('holds nothing of the sources, the tests, source maps or node_modules', () => {
    const unwanted = files.filter((file) =>
      /^(src|test|out|bench|scripts|node_modules|sample)\/|\.map$|\.ts$/.test(file),
    );
    assert.deepEqual(unwanted, []);
  });
});
