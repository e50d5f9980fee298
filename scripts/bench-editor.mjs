// `npm run bench:editor`: latency figures measured inside the real extension host (code-server)
// by bench/editor/latency.ts. Writes bench/results/editor.json.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { runIntegration } from '../test/harness/integration.mjs';

const REPO = path.resolve(import.meta.dirname, '..');
const OUT = path.join(REPO, 'out', 'bench', 'editor');

spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO, stdio: 'inherit' });
await build({
  entryPoints: [path.join(REPO, 'bench', 'editor', 'latency.ts')],
  outdir: OUT,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'es2022',
  external: ['vscode'],
  logLevel: 'warning',
});

let figures;
const originalWrite = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  const match = /^EDITOR-BENCH (.*)$/m.exec(String(chunk));
  if (match) {
    figures = JSON.parse(match[1]);
  }
  return originalWrite(chunk, ...rest);
};
const { exitCode } = await runIntegration({ testsPath: path.join(OUT, 'latency') });
process.stdout.write = originalWrite;

if (exitCode !== 0 || figures === undefined) {
  console.error('The editor benchmark did not finish; see test-results/integration-workbench.log');
  process.exit(1);
}
fs.mkdirSync(path.join(REPO, 'bench', 'results'), { recursive: true });
fs.writeFileSync(path.join(REPO, 'bench', 'results', 'editor.json'),
  `${JSON.stringify(figures, null, 2)}\n`);
console.log(JSON.stringify(figures, null, 2));
