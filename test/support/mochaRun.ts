import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

/**
 * Runs every `*.test.js` file in `folder` with mocha and prints the stage's summary line
 * ("N passed, N failed, N skipped") on a line of its own, which the outer scripts read.
 * Resolves when all pass and rejects otherwise: the contract of `@vscode/test-electron` and of
 * code-server's test payload alike.
 */
export async function runMochaFolder(folder: string, options: Mocha.MochaOptions): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', ...options });
  const grep = process.env.LLM_SCOPE_TEST_GREP;
  if (grep !== undefined && grep !== '') {
    mocha.grep(grep);
  }
  for (const file of fs.readdirSync(folder).sort()) {
    if (file.endsWith('.test.js')) {
      mocha.addFile(path.join(folder, file));
    }
  }

  console.log(`Running tests in ${folder}`);
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? emptyStats()));
  });
  const skipped = stats.pending;
  console.log(`${stats.passes} passed, ${stats.failures} failed, ${skipped} skipped`);
  if (stats.failures > 0 || stats.passes === 0) {
    throw new Error(`${stats.failures} of ${stats.tests} tests failed.`);
  }
}

function emptyStats(): Mocha.Stats {
  return { suites: 0, tests: 0, passes: 0, pending: 0, failures: 0 };
}
