// Renders the scaling-law calculator webview outside VS Code and screenshots it, to check the
// layout and the chart in a theme without starting the editor.
//   node esbuild.js && node scripts/preview-scaling-webview.mjs [light|dark] [out.png]
// Needs a Chromium binary (CHROMIUM_PATH, default /usr/bin/chromium).
/* global window */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const theme = process.argv[2] === 'light' ? 'light' : 'dark';
const output = resolve(process.argv[3] ?? `test-results/scaling-preview-${theme}.png`);
const root = resolve(import.meta.dirname, '..');

// A few of the variables VS Code sets on the webview's body, enough to see theme handling.
const THEMES = {
  dark: {
    foreground: '#cccccc', 'editor-background': '#1e1e1e', descriptionForeground: '#9d9d9d',
    'input-background': '#313131', 'input-foreground': '#cccccc', 'input-border': '#3c3c3c',
    'dropdown-background': '#313131', 'dropdown-foreground': '#cccccc', focusBorder: '#0078d4',
    'button-background': '#0078d4', 'button-foreground': '#ffffff', 'panel-border': '#2b2b2b',
    'editorWidget-border': '#454545', errorForeground: '#f85149', 'charts-blue': '#3794ff',
    'charts-red': '#f14c4c', 'charts-orange': '#d18616', 'charts-yellow': '#cca700',
    'charts-green': '#89d185', 'charts-purple': '#b180d7', 'font-family': 'sans-serif',
    'font-size': '13px',
  },
  light: {
    foreground: '#3b3b3b', 'editor-background': '#ffffff', descriptionForeground: '#717171',
    'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-border': '#cecece',
    'dropdown-background': '#ffffff', 'dropdown-foreground': '#3b3b3b', focusBorder: '#005fb8',
    'button-background': '#005fb8', 'button-foreground': '#ffffff', 'panel-border': '#e5e5e5',
    'editorWidget-border': '#c8c8c8', errorForeground: '#f85149', 'charts-blue': '#1a85ff',
    'charts-red': '#e51400', 'charts-orange': '#d18616', 'charts-yellow': '#bf8803',
    'charts-green': '#388a34', 'charts-purple': '#652d90', 'font-family': 'sans-serif',
    'font-size': '13px',
  },
};

const bundle = await build({
  entryPoints: [resolve(root, 'src/extension/scalingHtml.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
});
const moduleUrl = `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text)
  .toString('base64')}`;
const { scalingPageHtml } = await import(moduleUrl);

const nonce = 'preview';
const variables = Object.entries(THEMES[theme])
  .map(([name, value]) => `--vscode-${name}: ${value};`)
  .join(' ');
const stub = `<script nonce="${nonce}">
  document.body.classList.add('vscode-${theme}');
  document.body.setAttribute('style', '${variables}');
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => (window.posted = [...(window.posted ?? []), message]),
    getState: () => undefined,
    setState: () => {},
  });
</script>`;
const html = scalingPageHtml({
  cspSource: 'file:',
  nonce,
  scriptUri: pathToFileURL(resolve(root, 'dist/media/scaling.js')).href,
  styleUri: pathToFileURL(resolve(root, 'media/scaling/scaling.css')).href,
})
  // The stub must run before the bundle, and may set the body's style attribute.
  .replace('<script nonce', `${stub}\n<script nonce`)
  .replace("style-src file:", "style-src file: 'unsafe-inline'");

const page = resolve(root, 'test-results/scaling-preview.html');
mkdirSync(dirname(page), { recursive: true });
writeFileSync(page, html);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'],
});
const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
const problems = [];
tab.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
tab.on('pageerror', (error) => problems.push(error.message));
await tab.goto(pathToFileURL(page).href);
await tab.waitForFunction(() => (window.posted ?? []).some((message) => message.type === 'ready'));
await tab.screenshot({ path: output, fullPage: true });
const rendered = await tab.evaluate(() =>
  window.posted.filter((message) => message.type === 'rendered').at(-1),
);
await browser.close();

process.stdout.write(`${output}\n${JSON.stringify(rendered.rows.slice(0, 3))}\n`);
if (problems.length > 0) {
  process.stderr.write(`Page errors:\n${problems.join('\n')}\n`);
  process.exitCode = 1;
}
