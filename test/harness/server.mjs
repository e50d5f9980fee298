// Starts code-server (the real VS Code server and workbench) on 127.0.0.1 with all of its state
// in a temporary folder, and stops it with its whole process group.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const HEALTH_TIMEOUT_MS = 60_000;

/** A port the kernel says is free now; code-server binds it a moment later. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A state folder for one run. XDG and TMPDIR point into it so neither code-server nor Chromium
 * writes into the home folder or /tmp.
 */
export function makeStateDir(label) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `llm-scope-${label}-`));
  const env = {
    XDG_CONFIG_HOME: path.join(root, 'config'),
    XDG_DATA_HOME: path.join(root, 'data'),
    XDG_CACHE_HOME: path.join(root, 'cache'),
    TMPDIR: path.join(root, 'tmp'),
  };
  for (const folder of Object.values(env)) {
    fs.mkdirSync(folder, { recursive: true });
  }
  return { root, env, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

async function waitForHealth(url, child, logFile) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${HEALTH_TIMEOUT_MS} ms`);
}

/**
 * @param {{ node: string, codeServerEntry: string }} tools
 * @param {{ state: ReturnType<typeof makeStateDir>, settings?: object, port?: number,
 *   smokeTestDriver?: boolean }} options
 */
export async function startCodeServer(tools, options) {
  const { state } = options;
  const port = options.port ?? (await freePort());
  const userDataDir = path.join(state.root, 'user-data');
  const extensionsDir = path.join(state.root, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'extensions.autoCheckUpdates': false,
      'telemetry.telemetryLevel': 'off',
      // The chat side bar covers part of the editor in screenshots and is not under test.
      'chat.disableAIFeatures': true,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      ...options.settings,
    }, null, 2),
  );

  const args = [
    tools.codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
  ];
  if (options.smokeTestDriver !== false) {
    // Without it the workbench ignores the test payload in the URL and runs nothing.
    args.push('--vscode-option', 'enable-smoke-test-driver');
  }

  const logFile = path.join(state.root, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  // detached: its own process group, so the watcher child it forks is stopped with it.
  const child = spawn(tools.node, args, {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...state.env, NODE_OPTIONS: '' },
  });
  fs.closeSync(out);

  let stopped = false;
  const stop = async () => {
    if (stopped) {
      return;
    }
    stopped = true;
    killGroup(child.pid, 'SIGTERM');
    const exited = await Promise.race([
      new Promise((resolve) => (child.exitCode !== null ? resolve(true) : child.once('exit',
        () => resolve(true)))),
      new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
    ]);
    // The group may outlive the main process; make sure none of it stays behind.
    if (!exited) {
      process.stderr.write('[server] code-server ignored SIGTERM; killing it\n');
    }
    killGroup(child.pid, 'SIGKILL');
  };

  // Stops the server on any exit of this process, even an uncaught error.
  process.once('exit', () => killGroup(child.pid, 'SIGKILL'));

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, logFile, stop };
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
