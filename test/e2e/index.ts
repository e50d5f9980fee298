import { runMochaFolder } from '../support/mochaRun';

/** Entry of the UI checks, called by test/harness/e2e.mjs once the editor and browser run. */
export function run(): Promise<void> {
  return runMochaFolder(__dirname, { timeout: 90_000 });
}
