// `npm run test:electron`: the same integration test module under desktop VS Code, downloaded
// by @vscode/test-electron. It needs internet access to that download, so it is not part of
// `npm test` on machines without it; there, test/harness/integration.mjs runs the module.
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyWorkspace } from './integration.mjs';
import { makeStateDir } from './server.mjs';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const state = makeStateDir('electron');

try {
  await runTests({
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'out', 'test', 'integration', 'index'),
    launchArgs: [
      copyWorkspace(state),
      '--disable-extensions',
      '--disable-workspace-trust',
      `--user-data-dir=${path.join(state.root, 'user-data')}`,
    ],
  });
} catch (error) {
  console.error(`Integration tests under desktop VS Code failed: ${error.message ?? error}`);
  process.exitCode = 1;
} finally {
  state.remove();
}
