// Bundles the benchmark into out/bench/ (run by `npm run bench` before out/bench/main.js).
// The peers stay external: they are measured as installed, loaded only by the process that
// measures them, and tiktoken must find its .wasm file beside its own module.
const esbuild = require('esbuild');

esbuild
  .build({
    entryPoints: {
      main: 'bench/main.ts',
      peerWorker: 'bench/peerWorker.ts',
      coldStartChild: 'bench/coldStartChild.ts',
    },
    outdir: 'out/bench',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    sourcemap: true,
    logLevel: 'warning',
    external: ['tiktoken', 'js-tiktoken', 'gpt-tokenizer'],
  })
  .catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
