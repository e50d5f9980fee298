import { runMochaFolder } from '../support/mochaRun';

/**
 * Entry of the integration tests, loaded by the extension host: under code-server through the
 * workbench's test payload (test/harness/integration.mjs), and under `@vscode/test-electron`
 * on machines that can download VS Code (test/harness/electron.mjs).
 */
export function run(): Promise<void> {
  return runMochaFolder(__dirname, { timeout: 60_000 });
}
