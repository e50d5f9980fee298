import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  FAULT_MODELS,
  type FakeEmbeddingServer,
  refusedUrl,
  startEmbeddingServer,
} from '../../fakes/embeddingServer';

// The built CLI (`npm run build` makes dist/cli.js) is what users run, so it is what we test.
const CLI = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
const CAT = 'The cat sat on the mat.';
const CAT_AGAIN = 'A cat was sitting on the mat.';
const KEY = 'co-test-key-5e8d1f';

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs the CLI asynchronously (the fake server lives in this process, so spawnSync would block
 * it). The kill after 20 s only guards against a hung CLI, which the test then reports.
 */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 20_000,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('llm-scope similarity', () => {
  let server: FakeEmbeddingServer;
  before(async () => {
    server = await startEmbeddingServer();
  });
  after(() => server.close());

  const cohere = (model: string, ...rest: string[]): Promise<Run> =>
    cli(['similarity', '--base-url', server.url, '--model', model, ...rest], { CO_API_KEY: KEY });

  it('prints the JSON summary for two texts through Cohere', async () => {
    const { code, out } = await cohere('embed-v4.0', '--json', CAT, CAT_AGAIN);
    assert.equal(code, 0);
    // Fake vectors [1, 2, 2, 0] and [2, 1, 2, 0]: dot 8, norms 3 and 3, distance √2.
    assert.deepEqual(JSON.parse(out), {
      provider: 'cohere',
      model: 'embed-v4.0',
      dimensions: 4,
      cosine: 8 / 9,
      dot: 8,
      euclidean: Math.SQRT2,
    });
  });

  it('prints a readable summary through an OpenAI-compatible server without a key', async () => {
    const base = ['similarity', '--provider', 'openai', '--base-url', server.openAiBaseUrl];
    const { code, out } = await cli([...base, '--model', 'local', CAT, CAT_AGAIN]);
    assert.equal(code, 0);
    assert.match(out, /^cosine similarity +0\.8889 +Very similar/m);
    assert.match(out, /^dot product +8\.0000$/m);
    assert.match(out, /^euclidean distance +1\.4142$/m);
    assert.match(out, /^dimensions +4 \(norms 3\.0000 and 3\.0000\)$/m);
    assert.equal(server.requests[server.requests.length - 1].authorization, undefined);
  });

  it('reads the texts from --file-a and --file-b', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'llm-scope-similarity-'));
    writeFileSync(join(folder, 'a.txt'), CAT);
    writeFileSync(join(folder, 'b.txt'), CAT_AGAIN);
    const files = ['--file-a', join(folder, 'a.txt'), '--file-b', join(folder, 'b.txt')];
    const { code, out } = await cohere('embed-v4.0', '--json', ...files);
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).cosine, 8 / 9);
  });

  it('exits with 2 and one line when the texts are missing or empty', async () => {
    const one = await cohere('embed-v4.0', CAT);
    assert.equal(one.code, 2);
    assert.equal(
      one.err,
      'llm-scope: Give exactly two texts to compare (got 1), or --file-a and --file-b.\n',
    );
    const blank = await cohere('embed-v4.0', CAT, '   ');
    assert.equal(blank.code, 2);
    assert.equal(
      blank.err,
      'llm-scope: Text 2 is empty or only whitespace; an empty text has no meaning to compare.\n',
    );
  });

  it('exits with 2 for an unknown provider or input type', async () => {
    assert.equal((await cli(['similarity', '--provider', 'acme', CAT, CAT_AGAIN])).code, 2);
    const type = await cohere('embed-v4.0', '--input-type', 'poetry', CAT, CAT_AGAIN);
    assert.equal(type.code, 2);
    assert.match(type.err, /^llm-scope: Unknown input type "poetry"/);
  });

  it('exits with 3 and names the variable when no Cohere key is set', async () => {
    const { code, err } = await cli(['similarity', '--base-url', server.url, CAT, CAT_AGAIN]);
    assert.equal(code, 3);
    assert.equal(
      err,
      'llm-scope: No Cohere API key is set. Set the CO_API_KEY environment variable to a ' +
        'valid Cohere key.\n',
    );
  });

  it('exits with 3 and one line, without the key, when Cohere rejects it', async () => {
    const { code, err } = await cohere(FAULT_MODELS.unauthorized, CAT, CAT_AGAIN);
    assert.equal(code, 3);
    assert.equal(err.split('\n').length, 2);
    assert.ok(!err.includes(KEY));
    assert.match(err, /^llm-scope: Cohere rejected the API key \(401\)/);
  });

  it('exits promptly with 3 after a refused connection', async () => {
    // cohere-ai leaves a 30-second timer behind after a refused request; the CLI must not wait
    // for it (the spawn's 20-second guard would kill it and the code would be null).
    const { code, err } = await cli(['similarity', '--base-url', await refusedUrl(), CAT, CAT], {
      CO_API_KEY: KEY,
    });
    assert.equal(code, 3);
    assert.match(err, /^llm-scope: Could not reach Cohere at .*: the connection was refused\./);
  });
});
