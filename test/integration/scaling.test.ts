import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LlmScopeApi } from '../../src/extension/extension';

describe('Scaling-law calculator', () => {
  let api: LlmScopeApi;

  before(async () => {
    api = await vscode.extensions.getExtension<LlmScopeApi>('llm-scope.llm-scope')!.activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the panel from its command and renders Gopher\'s budget with the chart', async () => {
    await vscode.commands.executeCommand('llmScope.openScalingCalculator');
    assert.equal(api.scaling.isOpen(), true);

    const rendered = await api.scaling.setInputs({ mode: 'budget', compute: '5.76e23' });
    const optimum = rendered.rows.find((row) => row.label === 'Optimal parameters');
    assert.equal(optimum?.value, '40.4B');
    assert.ok(rendered.chartDatasets > 0);
  });

  it('updates the optimum when a new budget is typed', async () => {
    // Table 3 of Hoffmann et al. 2022: 175B parameters at 3.85e24 FLOPs (Approach 1).
    const rendered = await api.scaling.setInputs({
      law: 'chinchilla-approach1',
      compute: '3.85e24',
    });
    const optimum = rendered.rows.find((row) => row.label === 'Optimal parameters');
    assert.equal(optimum?.value, '175B');
  });

  it('shows a message beside a field that does not parse, never NaN', async () => {
    const rendered = await api.scaling.setInputs({ compute: '-5' });
    assert.match(rendered.errors.compute ?? '', /positive/);
    assert.equal(rendered.rows.length, 0);
  });

  it('reveals the same panel on a second open instead of making another', async () => {
    await vscode.commands.executeCommand('llmScope.openScalingCalculator');
    const tabs = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => tab.label === 'Scaling-Law Calculator');
    assert.equal(tabs.length, 1);
  });
});
