// `npm test`: unit tests, then integration tests inside a real VS Code (code-server), then UI
// checks in Chromium, in that order. Each stage prints "N passed, N failed, N skipped"; the last
// line is the total. The editor stages are left out only when asked:
//   npm test -- --skip-editor     unit tests only (also LLM_SCOPE_SKIP_EDITOR=1)
//   npm test -- --only=integration|e2e|unit
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runE2e } from '../test/harness/e2e.mjs';
import { runIntegration } from '../test/harness/integration.mjs';

const REPO = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { 'skip-editor': { type: 'boolean' }, only: { type: 'string' } },
});
const skipEditor = values['skip-editor'] === true || process.env.LLM_SCOPE_SKIP_EDITOR === '1';
const stages = values.only === undefined ? ['unit', 'integration', 'e2e'] : [values.only];

const SUMMARY = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/;

function npm(script) {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: REPO, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`npm run ${script} failed`);
  }
}

/** Node's test runner, with its totals turned into the stage's summary line. */
function runUnit() {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--test', '--test-reporter=spec', 'out/test/unit'],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const totals = { pass: 0, fail: 0, skipped: 0, todo: 0, cancelled: 0 };
    let buffer = '';
    child.stdout.on('data', (data) => {
      process.stdout.write(data);
      buffer += data;
    });
    child.on('close', (code) => {
      for (const [, name, value] of buffer.matchAll(/^ℹ (\w+) (\d+)$/gm)) {
        if (name in totals) {
          totals[name] = Number(value);
        }
      }
      const failed = totals.fail + totals.cancelled + (code !== 0 && totals.fail === 0 ? 1 : 0);
      resolve({
        exitCode: code,
        summary: `${totals.pass} passed, ${failed} failed, ${totals.skipped + totals.todo} skipped`,
      });
    });
  });
}

const started = Date.now();
const results = [];
let failedStage = false;

npm('build:tests');
for (const stage of stages) {
  if (stage !== 'unit' && skipEditor) {
    process.stdout.write(`\n${stage}: skipped by --skip-editor\n`);
    continue;
  }
  process.stdout.write(`\n=== ${stage} tests ===\n`);
  const stageStarted = Date.now();
  let result;
  try {
    if (stage === 'unit') {
      result = await runUnit();
    } else if (stage === 'integration') {
      result = await runIntegration();
    } else if (stage === 'e2e') {
      // The UI checks install the .vsix a user would get, so it is built here.
      npm('package');
      result = await runE2e();
    } else {
      throw new Error(`Unknown stage "${stage}"; expected unit, integration or e2e.`);
    }
  } catch (error) {
    process.stdout.write(`${stage} could not run: ${error.message}\n`);
    result = { exitCode: 1, summary: undefined };
  }

  const summary = result.summary ?? '0 passed, 1 failed, 0 skipped';
  const [, passed, failed, skipped] = SUMMARY.exec(summary);
  const seconds = ((Date.now() - stageStarted) / 1000).toFixed(1);
  process.stdout.write(`${stage}: ${summary} (${seconds} s)\n`);
  const stageFailed = result.exitCode !== 0 || Number(failed) > 0;
  failedStage ||= stageFailed;
  results.push({
    passed: Number(passed),
    failed: Number(failed) + (stageFailed && Number(failed) === 0 ? 1 : 0),
    skipped: Number(skipped ?? 0),
  });
}

const total = results.reduce(
  (sum, result) => ({
    passed: sum.passed + result.passed,
    failed: sum.failed + result.failed,
    skipped: sum.skipped + result.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
process.stdout.write(`\nAll stages took ${minutes} min.\n`);
const { passed, failed, skipped } = total;
process.stdout.write(`total: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failedStage ? 1 : 0);
