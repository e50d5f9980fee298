import { DEFAULT_INPUTS } from '../core/scaling/calculator';
import { ACCELERATORS } from '../core/scaling/hardware';
import { LAWS } from '../core/scaling/laws';
import { contentSecurityPolicy } from './webviewSecurity';

export interface ScalingPageResources {
  /** The webview's own origin for CSP (webview.cspSource). */
  readonly cspSource: string;
  /** A fresh random value per render: only scripts carrying it may run. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}

/**
 * The calculator's page: labelled controls and empty regions the webview script fills in.
 * Options come from the core tables so the page never lists a law or GPU the core lacks.
 */
export function scalingPageHtml(resources: ScalingPageResources): string {
  const { cspSource, nonce } = resources;
  const csp = contentSecurityPolicy(cspSource, nonce, { imagesAndFonts: true });

  const lawOptions = LAWS.map((law) => option(law.id, law.label)).join('');
  const gpuOptions = ACCELERATORS.map((accelerator) => {
    const teraflops = accelerator.peakFlopsPerSecond / 1e12;
    return option(accelerator.id, `${accelerator.label} (${teraflops} TFLOPS)`);
  }).join('');

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${resources.styleUri}">
<title>Scaling-Law Calculator</title>
</head>
<body>
<main>
<h1>Scaling-Law Calculator</h1>
<form id="inputs" autocomplete="off">
  <fieldset class="modes">
    <legend>Start from</legend>
    ${radio('budget', 'a compute budget')}
    ${radio('run', 'a planned model (parameters and tokens)')}
    ${radio('inference', 'a target quality and inference demand')}
  </fieldset>
  <div class="field">
    <label for="law">Scaling law</label>
    <select id="law" name="law" aria-describedby="law-source">${lawOptions}</select>
    <p id="law-source" class="hint"></p>
  </div>
  <div class="mode-fields" data-mode="budget">
    ${textField('compute', 'Training compute (FLOPs)', DEFAULT_INPUTS.compute)}
  </div>
  <div class="mode-fields" data-mode="run">
    ${textField('parameters', 'Parameters', DEFAULT_INPUTS.parameters)}
    ${textField('tokens', 'Training tokens', DEFAULT_INPUTS.tokens)}
  </div>
  <div class="mode-fields" data-mode="inference">
    ${textField('qualityParameters', 'Quality of a Chinchilla-optimal model of (parameters)',
      DEFAULT_INPUTS.qualityParameters)}
    ${textField('inferenceTokens', 'Tokens served over the model\'s life',
      DEFAULT_INPUTS.inferenceTokens)}
  </div>
  <fieldset class="hardware">
    <legend>Hardware</legend>
    <div class="field">
      <label for="accelerator">Accelerator (dense BF16 peak)</label>
      <select id="accelerator" name="accelerator" aria-describedby="accelerator-source">
        ${gpuOptions}
      </select>
      <p id="accelerator-source" class="hint"></p>
    </div>
    ${textField('acceleratorCount', 'Number of accelerators', DEFAULT_INPUTS.acceleratorCount)}
    ${textField('mfu', 'Model FLOPs utilisation (MFU)', DEFAULT_INPUTS.mfu)}
    ${textField('price', 'Price per accelerator-hour (USD, optional)', DEFAULT_INPUTS.price)}
  </fieldset>
</form>
<section aria-labelledby="results-title">
  <h2 id="results-title">Results</h2>
  <p id="problem" class="error" role="alert" hidden></p>
  <table id="results"><tbody></tbody></table>
  <div class="actions">
    <button type="button" id="copy">Copy results as Markdown</button>
    <button type="button" id="insert">Insert into editor</button>
  </div>
  <p class="hint">Compute is the 6·N·D approximation (2N FLOPs per token forward, 4N backward).
  N counts embeddings for the Chinchilla and Epoch laws, not for Kaplan's.</p>
</section>
<section aria-labelledby="chart-title">
  <h2 id="chart-title">Loss against model size</h2>
  <div class="chart-box">
    <canvas id="chart" role="img" aria-describedby="chart-caption"></canvas>
  </div>
  <p id="chart-caption" class="hint"></p>
</section>
<section aria-labelledby="models-title">
  <h2 id="models-title">Reference models</h2>
  <div class="table-scroll"><table id="models"></table></div>
</section>
</main>
<script nonce="${nonce}" src="${resources.scriptUri}"></script>
</body>
</html>`;
}

function option(value: string, label: string): string {
  return `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
}

function radio(mode: string, label: string): string {
  return `<label class="mode"><input type="radio" name="mode" value="${mode}"> ${label}</label>`;
}

function textField(name: string, label: string, placeholder: string): string {
  return `<div class="field">
      <label for="${name}">${escapeHtml(label)}</label>
      <input id="${name}" name="${name}" type="text" spellcheck="false"
        placeholder="${escapeHtml(placeholder)}" aria-describedby="${name}-note">
      <p id="${name}-note" class="note" aria-live="polite"></p>
    </div>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
