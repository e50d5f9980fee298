// Runs the UI checks (out/test/e2e) in this Node process: code-server with the packaged .vsix
// installed as a user would install it, and Chromium driven by Playwright as a person would.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { copyWorkspace } from './integration.mjs';
import { makeStateDir, startCodeServer } from './server.mjs';
import { ensureTools } from './tools.mjs';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const VSIX = path.join(REPO, 'dist', 'llm-scope.vsix');
const SCREENSHOTS = path.join(REPO, 'test-results', 'e2e');

function installVsix(tools, state) {
  const result = spawnSync(tools.node, [
    tools.codeServerEntry,
    '--user-data-dir', path.join(state.root, 'user-data'),
    '--extensions-dir', path.join(state.root, 'extensions'),
    '--install-extension', VSIX,
  ], { encoding: 'utf8', env: { ...process.env, ...state.env } });
  if (result.status !== 0) {
    throw new Error(`installing ${VSIX} failed: ${result.stderr || result.stdout}`);
  }
}

/** @returns {Promise<{ exitCode: number, summary: string | undefined }>} */
export async function runE2e() {
  if (!fs.existsSync(VSIX)) {
    process.stdout.write(`No ${VSIX}: run "npm run package" first.\n`);
    return { exitCode: 1, summary: undefined };
  }
  const tools = ensureTools();
  const state = makeStateDir('e2e');
  const workspace = copyWorkspace(state);
  fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  let server;
  let browser;
  const lines = [];
  const print = (line) => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };

  try {
    // The user-data folder must exist before the install writes into it.
    server = await startCodeServer(tools, { state, smokeTestDriver: false });
    installVsix(tools, state);
    browser = await launchBrowser(tools.chromium, state);

    // The tests reach the browser through this global: each test file is its own bundle.
    globalThis.llmScopeE2e = {
      page: browser.page,
      url: `${server.url}/?${new URLSearchParams({ folder: workspace })}`,
      workspace,
      userSettings: path.join(state.root, 'user-data', 'User', 'settings.json'),
      screenshotsDir: SCREENSHOTS,
    };
    const require = createRequire(import.meta.url);
    const { run } = require(path.join(REPO, 'out', 'test', 'e2e', 'index.js'));
    const originalLog = console.log;
    console.log = (...args) => print(args.join(' '));
    try {
      await run();
    } finally {
      console.log = originalLog;
    }
    return { exitCode: 0, summary: lastSummary(lines) };
  } catch (error) {
    process.stdout.write(`UI checks failed: ${error.message}\n`);
    if (server) {
      process.stdout.write(`code-server log: ${server.logFile}\n`);
    }
    return { exitCode: 1, summary: lastSummary(lines) };
  } finally {
    await browser?.context.close().catch(() => undefined);
    await server?.stop();
    if (process.env.LLM_SCOPE_KEEP_STATE === undefined) {
      state.remove();
    }
  }
}

function lastSummary(lines) {
  return lines.filter((line) => /^\d+ passed, \d+ failed/.test(line)).pop();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { exitCode, summary } = await runE2e();
  process.stdout.write(`${summary ?? '0 passed, 1 failed'}\n`);
  process.exit(exitCode === 0 ? 0 : 1);
}
