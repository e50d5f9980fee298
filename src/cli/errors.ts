/** Exit codes shared by every subcommand. */
export const EXIT_USAGE = 2;
export const EXIT_PROVIDER = 3;

/** Wrong flags, unknown names, unreadable input: one line on stderr and exit code 2. */
export class UsageError extends Error {}

/** What a subcommand writes; injectable so tests can run commands in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<Buffer>;
}
