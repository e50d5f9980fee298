import { readFile } from 'node:fs/promises';
import { UsageError } from './errors';

/** The bytes of a file named on the command line; an unreadable file is a usage error. */
export async function readInput(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`Cannot read "${path}" (${reason}).`);
  }
}

export function decodeText(name: string, bytes: Buffer): string {
  if (bytes.includes(0)) {
    throw new UsageError(`"${name}" looks binary (it contains a NUL byte); give a text file.`);
  }
  return bytes.toString('utf8');
}
