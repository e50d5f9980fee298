// `npm start`: builds the extension and opens a real VS Code with it loaded on sample/.
// Desktop VS Code when `code` is on the PATH; otherwise VS Code in the browser (code-server on
// 127.0.0.1), whose address is printed. Ctrl+C stops the server and removes its state.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { makeStateDir, startCodeServer } from '../test/harness/server.mjs';
import { ensureTools } from '../test/harness/tools.mjs';

const REPO = path.resolve(import.meta.dirname, '..');
const SAMPLE = path.join(REPO, 'sample');

function build() {
  const result = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO, stdio: 'inherit' });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}

function isFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function hasDesktopCode() {
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

build();

if (hasDesktopCode() && process.env.LLM_SCOPE_BROWSER === undefined) {
  const result = spawnSync('code', [`--extensionDevelopmentPath=${REPO}`, SAMPLE], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 0);
}

const tools = ensureTools();
const state = makeStateDir('start');
// A link rather than a copy: after `npm run watch` rebuilds, "Developer: Reload Window" loads
// the new build.
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const extensionsDir = path.join(state.root, 'extensions');
fs.mkdirSync(extensionsDir, { recursive: true });
fs.symlinkSync(
  REPO,
  path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`),
);

const wanted = Number(process.env.PORT ?? 8080);
const port = Number.isInteger(wanted) && wanted > 0 ? wanted : 8080;
// Another server on the port would answer the health check and pass for this one.
if (!(await isFree(port))) {
  state.remove();
  console.error(`Port ${port} on 127.0.0.1 is in use. Stop what uses it, or run ` +
    'PORT=NNNN npm start.');
  process.exit(1);
}
const server = await startCodeServer(tools, {
  state,
  port,
  smokeTestDriver: false,
  // The browser workbench saves after every pause by default, and sample/ is part of the repo.
  settings: { 'files.autoSave': 'off' },
});
const url = `${server.url}/?${new URLSearchParams({ folder: SAMPLE })}`;
process.stdout.write(`\nVS Code with LLM Scope is running. Open this address in a browser:\n\n`);
process.stdout.write(`  ${url}\n\nSelect text in any sample file: the status bar shows its token`);
process.stdout.write(` count.\nPress Ctrl+C to stop.\n`);

const stop = async () => {
  await server.stop();
  state.remove();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
