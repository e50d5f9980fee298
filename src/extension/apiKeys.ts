import * as vscode from 'vscode';
import type { ProviderId } from '../core/embeddings/provider';
import type { Services } from './services';

interface KeyCommands {
  readonly label: string;
  readonly set: string;
  readonly clear: string;
}

const COMMANDS: Record<ProviderId, KeyCommands> = {
  cohere: {
    label: 'Cohere',
    set: 'llmScope.setCohereApiKey',
    clear: 'llmScope.clearCohereApiKey',
  },
  openai: {
    label: 'OpenAI-Compatible',
    set: 'llmScope.setOpenAiApiKey',
    clear: 'llmScope.clearOpenAiApiKey',
  },
};

/** A key prompt as it was shown, so integration tests can see it without a screen. */
export interface KeyPrompt {
  readonly provider: ProviderId;
  readonly message: string;
  readonly actions: readonly string[];
}

/** API keys in VS Code's SecretStorage: never in settings, logs, messages or webviews. */
export class ApiKeys {
  private lastPrompt: KeyPrompt | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {}

  /**
   * The stored key, or for Cohere the CO_API_KEY environment variable. OPENAI_API_KEY is not
   * read: the OpenAI-compatible base URL may point at any server, and a key meant for OpenAI
   * must not be sent to it unasked.
   */
  async get(provider: ProviderId): Promise<string | undefined> {
    const stored = await this.secrets.get(secretName(provider));
    if (stored !== undefined && stored !== '') {
      return stored;
    }
    return provider === 'cohere' ? process.env.CO_API_KEY || undefined : undefined;
  }

  /** What to tell the user to do about a missing or rejected key. */
  hint(provider: ProviderId): string {
    return `Run "LLM Scope: Set ${COMMANDS[provider].label} API Key".`;
  }

  /** Shows `message` with a button that sets the key; resolves once the user answered. */
  async offerToSet(provider: ProviderId, message: string): Promise<void> {
    const action = `Set ${COMMANDS[provider].label} API Key`;
    this.lastPrompt = { provider, message, actions: [action] };
    const choice = await vscode.window.showErrorMessage(message, action);
    if (choice === action) {
      await vscode.commands.executeCommand(COMMANDS[provider].set);
    }
  }

  lastKeyPrompt(): KeyPrompt | undefined {
    return this.lastPrompt;
  }

  async store(provider: ProviderId, key: string): Promise<void> {
    await this.secrets.store(secretName(provider), key);
  }

  async clear(provider: ProviderId): Promise<void> {
    await this.secrets.delete(secretName(provider));
  }
}

/**
 * The Set and Clear key commands of both providers. "Set" asks in a password box; called
 * with a string argument (automation, integration tests) it stores that string without asking.
 */
export function activateApiKeys(services: Services): ApiKeys {
  const keys = new ApiKeys(services.context.secrets);

  for (const provider of Object.keys(COMMANDS) as ProviderId[]) {
    const { label, set, clear } = COMMANDS[provider];
    services.context.subscriptions.push(
      vscode.commands.registerCommand(set, async (given?: unknown) => {
        const key =
          typeof given === 'string'
            ? given.trim()
            : (
                await vscode.window.showInputBox({
                  title: `LLM Scope: ${label} API Key`,
                  prompt: `Paste your ${label} API key. It is kept in VS Code's secret storage.`,
                  password: true,
                  ignoreFocusOut: true,
                  validateInput: (value) =>
                    value.trim() === '' ? 'The key cannot be empty.' : undefined,
                })
              )?.trim();
        if (key === undefined || key === '') {
          return;
        }
        await keys.store(provider, key);
        services.log.info(`${label} API key stored.`);
        void vscode.window.showInformationMessage(`LLM Scope: ${label} API key saved.`);
      }),
      vscode.commands.registerCommand(clear, async () => {
        await keys.clear(provider);
        services.log.info(`${label} API key cleared.`);
        const fallback =
          provider === 'cohere' && process.env.CO_API_KEY
            ? ' The CO_API_KEY environment variable will be used.'
            : '';
        void vscode.window.showInformationMessage(
          `LLM Scope: ${label} API key removed.${fallback}`,
        );
      }),
    );
  }
  return keys;
}

function secretName(provider: ProviderId): string {
  return `llmScope.apiKey.${provider}`;
}
