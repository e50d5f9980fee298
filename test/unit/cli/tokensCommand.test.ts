import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { oracleCount } from '../../support/oracle';

// The built CLI (`npm run build` makes dist/cli.js) is what users run, so it is what we test.
const CLI = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

function cli(args: string[], input?: string | Buffer): { code: number; out: string; err: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}

describe('llm-scope tokens', () => {
  const folder = mkdtempSync(join(tmpdir(), 'llm-scope-cli-'));
  const first = join(folder, 'a.txt');
  const second = join(folder, 'b.md');
  const firstText = 'Hello, world! <|endoftext|> naïve café\n';
  const secondText = '# Title\n\nSome *markdown* with `code` and 日本語.\n';
  writeFileSync(first, firstText);
  writeFileSync(second, secondText);

  it('prints JSON with a count per file and the total', () => {
    const { code, out } = cli(['tokens', '--encoding', 'cl100k_base', '--json', first, second]);
    assert.equal(code, 0);
    const a = oracleCount('cl100k_base', firstText);
    const b = oracleCount('cl100k_base', secondText);
    assert.deepEqual(JSON.parse(out), {
      encoding: 'cl100k_base',
      total: a + b,
      inputs: [
        { name: first, tokens: a, characters: [...firstText].length },
        { name: second, tokens: b, characters: [...secondText].length },
      ],
    });
  });

  it('reads standard input when no file is given and resolves the model to its encoding', () => {
    const { code, out } = cli(['tokens', '--model', 'gpt-4o', '--json'], firstText);
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).encoding, 'o200k_base');
    assert.equal(JSON.parse(out).total, oracleCount('o200k_base', firstText));
  });

  it('prints a plain count per input and a total line', () => {
    const { code, out } = cli(['tokens', '--model', 'gpt-4', first]);
    assert.equal(code, 0);
    const count = oracleCount('cl100k_base', firstText);
    assert.match(out, new RegExp(`^\\s*${count}  ${first.replace(/[.\\]/g, '\\$&')}$`, 'm'));
    assert.match(out, new RegExp(`^\\s*${count}  total \\(cl100k_base\\)$`, 'm'));
  });

  it('rejects an unknown model with one line on stderr and exit code 2', () => {
    const { code, err } = cli(['tokens', '--model', 'no-such-model']);
    assert.equal(code, 2);
    assert.equal(err.trim().split('\n').length, 1);
    assert.match(err, /Unknown model "no-such-model"/);
  });

  it('rejects an unknown encoding, a missing file and an unknown flag with exit code 2', () => {
    assert.equal(cli(['tokens', '--encoding', 'gpt2_base']).code, 2);
    const missing = cli(['tokens', join(folder, 'missing.txt')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /Cannot read .*missing\.txt.*ENOENT/);
    assert.equal(cli(['tokens', '--frobnicate']).code, 2);
  });

  it('refuses binary input that contains a NUL byte', () => {
    const { code, err } = cli(['tokens'], Buffer.from([0x41, 0x00, 0x42]));
    assert.equal(code, 2);
    assert.match(err, /binary/);
  });
});
