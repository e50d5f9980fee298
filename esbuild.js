// Bundles the extension, its worker, the CLI, the webview scripts and the tests.
//   node esbuild.js               development build (source maps, not minified)
//   node esbuild.js --production  minified build for the .vsix
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --tests       also bundle test/ into out/test/
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

const ENCODINGS = ['o200k_base', 'cl100k_base', 'p50k_base', 'r50k_base'];

/** Node-side bundles: each entry becomes dist/<name>.js. */
const nodeEntries = {
  extension: 'src/extension/extension.ts',
  tokenWorker: 'src/worker/tokenWorker.ts',
  cli: 'src/cli/cli.ts',
};

/** Webview scripts: each entry becomes dist/media/<name>.js, run in the webview's browser. */
const webviewEntries = {
  scaling: 'media/scaling/main.ts',
  similarity: 'media/similarity/main.ts',
};

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
};

/** Points `cohere-ai` at dist/cohere.js, so the SDK is read from disk on first use only. */
const cohereApart = {
  name: 'cohere-apart',
  setup(build) {
    build.onResolve({ filter: /^cohere-ai$/ }, () => ({ path: './cohere.js', external: true }));
  },
};

const nodeOptions = {
  ...common,
  entryPoints: nodeEntries,
  outdir: 'dist',
  format: 'cjs',
  platform: 'node',
  external: ['vscode'],
  plugins: [cohereApart],
};

const cohereOptions = {
  ...common,
  entryPoints: { cohere: 'src/core/embeddings/cohereBundle.ts' },
  outdir: 'dist',
  format: 'cjs',
  platform: 'node',
};

const webviewOptions = {
  ...common,
  entryPoints: webviewEntries,
  outdir: 'dist/media',
  format: 'iife',
  platform: 'browser',
};

function listTests(folder) {
  if (!fs.existsSync(folder)) {
    return [];
  }
  return fs
    .readdirSync(folder, { recursive: true })
    .map((file) => path.join(folder, file))
    .filter((file) => /\.test\.ts$|[\\/]index\.ts$/.test(file));
}

// Tests keep the oracle (tiktoken's WASM file), mocha and the browser driver as real modules.
const testOptions = {
  ...common,
  sourcemap: true,
  minify: false,
  entryPoints: [
    ...listTests('test/unit'),
    ...listTests('test/integration'),
    ...listTests('test/e2e'),
  ],
  outdir: 'out/test',
  outbase: 'test',
  format: 'cjs',
  platform: 'node',
  external: ['vscode', 'tiktoken', 'mocha', 'playwright-core', '@vscode/test-electron'],
};

/**
 * The rank data of each encoding ships as its own JSON file beside the bundles and is read on
 * first use, so activation parses none of it and a user of one encoding never loads the others.
 */
function copyRankFiles() {
  fs.mkdirSync('dist/ranks', { recursive: true });
  for (const encoding of ENCODINGS) {
    const source = require.resolve(`js-tiktoken/ranks/${encoding}`);
    const text = fs.readFileSync(source, 'utf8');
    const json = text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1);
    fs.writeFileSync(`dist/ranks/${encoding}.json`, json);
  }
}

async function main() {
  copyRankFiles();
  const builds = [nodeOptions, cohereOptions];
  if (Object.keys(webviewEntries).length > 0) {
    builds.push(webviewOptions);
  }
  if (tests) {
    // Bundles of deleted tests would otherwise stay in out/ and still run.
    fs.rmSync('out/test', { recursive: true, force: true });
    builds.push(testOptions);
  }

  if (watch) {
    for (const options of builds) {
      const context = await esbuild.context(options);
      await context.watch();
    }
    process.stdout.write('Watching for changes...\n');
    return;
  }

  await Promise.all(builds.map((options) => esbuild.build(options)));
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
