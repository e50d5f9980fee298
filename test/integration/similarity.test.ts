import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LlmScopeApi } from '../../src/extension/extension';
import {
  FAULT_MODELS,
  type FakeEmbeddingServer,
  startEmbeddingServer,
} from '../fakes/embeddingServer';

const CAT = 'The cat sat on the mat.';
const CAT_AGAIN = 'A cat was sitting on the mat.';
const COHERE_KEY = 'integration-cohere-key-41c7';
const OPENAI_KEY = 'integration-openai-key-9b2e';
const SETTINGS = [
  'embeddings.provider',
  'embeddings.cohere.baseUrl',
  'embeddings.cohere.model',
  'embeddings.openai.baseUrl',
  'embeddings.openai.model',
  'embeddings.timeoutSeconds',
];

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('llmScope');
}

async function set(key: string, value: unknown): Promise<void> {
  await config().update(key, value, vscode.ConfigurationTarget.Global);
}

/** An editor holding both passages, each selected (two cursors). */
async function selectBothPassages(): Promise<void> {
  const document = await vscode.workspace.openTextDocument({
    content: `${CAT}\n${CAT_AGAIN}\n`,
    language: 'plaintext',
  });
  const editor = await vscode.window.showTextDocument(document);
  editor.selections = [0, 1].map((line) => {
    const range = document.lineAt(line).range;
    return new vscode.Selection(range.start, range.end);
  });
}

describe('Compare Embedding Similarity', function () {
  this.timeout(60_000);
  let server: FakeEmbeddingServer;
  let api: LlmScopeApi;

  before(async () => {
    // The extension host runs on this machine, so it reaches a server started here.
    server = await startEmbeddingServer();
    const extension = vscode.extensions.getExtension<LlmScopeApi>('llm-scope.llm-scope');
    assert.ok(extension, 'the extension is installed');
    api = await extension.activate();

    await set('embeddings.provider', 'cohere');
    await set('embeddings.cohere.baseUrl', server.url);
    await set('embeddings.cohere.model', 'embed-v4.0');
    await set('embeddings.openai.baseUrl', server.openAiBaseUrl);
    await set('embeddings.timeoutSeconds', 10);
    // A string argument stores the key without the password box, through the real command.
    await vscode.commands.executeCommand('llmScope.setCohereApiKey', COHERE_KEY);
    await vscode.commands.executeCommand('llmScope.setOpenAiApiKey', OPENAI_KEY);
  });

  after(async () => {
    for (const key of SETTINGS) {
      await set(key, undefined);
    }
    await vscode.commands.executeCommand('llmScope.clearCohereApiKey');
    await vscode.commands.executeCommand('llmScope.clearOpenAiApiKey');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await server.close();
  });

  it('shows the cosine of two selections computed from the fake server\'s vectors', async () => {
    await selectBothPassages();
    await vscode.commands.executeCommand('llmScope.compareEmbeddingSimilarity');

    // The fake embeds the passages as [1, 2, 2, 0] and [2, 1, 2, 0]: dot product 8, both
    // norms 3, so cosine 8/9 ≈ 0.8889 and Euclidean distance √2.
    const result = api.similarity.lastResult();
    assert.ok(result, `no result; last error: ${api.similarity.lastError()}`);
    assert.equal(result.comparison.cosine.toFixed(4), '0.8889');
    assert.equal(result.comparison.dot, 8);
    assert.equal(result.comparison.euclidean.toFixed(4), '1.4142');
    assert.equal(result.model, 'embed-v4.0');

    const request = server.requests[server.requests.length - 1];
    assert.equal(request.path, '/v2/embed');
    assert.deepEqual(request.body.texts, [CAT, CAT_AGAIN]);
    assert.equal(request.authorization, `Bearer ${COHERE_KEY}`);

    const panel = api.similarity.panel();
    assert.equal(panel.open, true);
    assert.equal(panel.reports[0].cosine.toFixed(4), '0.8889');
    assert.deepEqual(panel.reports[0].excerpts, [CAT, CAT_AGAIN]);
  });

  it('compares the same passages again without a request, from the cache', async () => {
    const requests = server.requests.length;
    await selectBothPassages();
    await vscode.commands.executeCommand('llmScope.compareEmbeddingSimilarity');

    assert.equal(server.requests.length, requests);
    assert.equal(api.similarity.lastResult()?.requests, 0);
    assert.equal(api.similarity.panel().reports.length >= 2, true);
  });

  it('offers to set the key when the server answers 401, without showing the key', async () => {
    await set('embeddings.provider', 'openai');
    await set('embeddings.openai.model', FAULT_MODELS.unauthorized);
    await selectBothPassages();
    await vscode.commands.executeCommand('llmScope.compareEmbeddingSimilarity');

    // The fake echoes the Authorization header in its message; the user must see it redacted.
    assert.deepEqual(api.similarity.lastKeyPrompt(), {
      provider: 'openai',
      message:
        'LLM Scope: The OpenAI-compatible server rejected the API key (401): "invalid api ' +
        'token: Bearer [redacted]". Run "LLM Scope: Set OpenAI-Compatible API Key".',
      actions: ['Set OpenAI-Compatible API Key'],
    });
    assert.ok(!api.similarity.lastError()?.includes(OPENAI_KEY));
  });
});
