// Runs the integration tests (out/test/integration/index.js) inside the real extension host of
// code-server: the workbench opens with a payload naming the extension and the test module,
// and reports the end through window.codeAutomationExit.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { launchBrowser } from './browser.mjs';
import { makeStateDir, startCodeServer } from './server.mjs';
import { ensureTools } from './tools.mjs';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const RUN_TIMEOUT_MS = 10 * 60_000;

/** The first line test/support/mochaRun.ts prints; what comes before is the workbench's. */
const START_MARKER = 'Running tests in ';

/** A copy of the sample workspace, so tests may change files without touching the repo. */
export function copyWorkspace(state) {
  const workspace = path.join(state.root, 'workspace');
  fs.cpSync(path.join(REPO, 'sample'), workspace, { recursive: true });
  return workspace;
}

/** The workbench URL that loads the extension from `extensionPath` and runs `testsPath`. */
export function payloadUrl(server, workspace, extensionPath, testsPath) {
  const remote = (file) => `vscode-remote://127.0.0.1:${server.port}${file}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (testsPath !== undefined) {
    payload.push(['extensionTestsPath', remote(testsPath)]);
  }
  const query = new URLSearchParams({ folder: workspace, payload: JSON.stringify(payload) });
  return `${server.url}/?${query}`;
}

/**
 * @param {{ testsPath?: string, grep?: string, env?: Record<string, string> }} options
 * @returns {Promise<{ exitCode: number, summary: string | undefined }>}
 */
export async function runIntegration(options = {}) {
  const testsPath = options.testsPath ?? path.join(REPO, 'out', 'test', 'integration', 'index');
  const tools = ensureTools();
  const state = makeStateDir('integration');
  const workspace = copyWorkspace(state);
  const logFile = path.join(REPO, 'test-results', 'integration-workbench.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, '');
  let server;
  let browser;
  let summary;

  try {
    server = await startCodeServer(tools, { state });
    browser = await launchBrowser(tools.chromium, state);
    const { page } = browser;

    let testsRunning = false;
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      const summaryMatch = /^\s*(\d+ passed, \d+ failed(?:, \d+ skipped)?)\s*$/m.exec(line);
      if (summaryMatch) {
        summary = summaryMatch[1];
      }
      // The workbench forwards its own console too: all of it goes to the log file, and only
      // the test output (mocha prints plain lines; the workbench tags its own) to the terminal.
      fs.appendFileSync(logFile, `[${type}] ${line}\n`);
      if (line.startsWith(START_MARKER)) {
        testsRunning = true;
      }
      if (testsRunning && type !== 'error' && !/^\[[\w .-]+\]/.test(line)) {
        process.stdout.write(`${line}\n`);
      }
      if (summaryMatch) {
        testsRunning = false;
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));

    await page.goto(payloadUrl(server, workspace, REPO, testsPath));
    let timer;
    const exitCode = await Promise.race([
      finished,
      new Promise((resolve) => {
        timer = setTimeout(() => {
          process.stdout.write(`Integration tests did not finish in ${RUN_TIMEOUT_MS} ms.\n`);
          resolve(1);
        }, RUN_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (exitCode !== 0) {
      process.stdout.write(`Workbench console: ${logFile}\n`);
    }
    return { exitCode, summary };
  } catch (error) {
    process.stdout.write(`Integration run failed: ${error.message}\n`);
    if (server) {
      process.stdout.write(`code-server log: ${server.logFile}\n`);
    }
    return { exitCode: 1, summary };
  } finally {
    await browser?.context.close().catch(() => undefined);
    await server?.stop();
    if (process.env.LLM_SCOPE_KEEP_STATE === undefined) {
      state.remove();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { exitCode, summary } = await runIntegration();
  process.stdout.write(`${summary ?? '0 passed, 1 failed'}\n`);
  process.exit(exitCode === 0 ? 0 : 1);
}
