import { get_encoding, type Tiktoken } from 'tiktoken';
import type { EncodingName } from '../../src/core/tokens/encodings';

/**
 * The official tiktoken (its Rust core compiled to WASM): the independent source of expected
 * token ids. `encode_ordinary` treats special-token text as ordinary text, as LLM Scope does.
 */
const oracles = new Map<EncodingName, Tiktoken>();

export function oracleEncode(encoding: EncodingName, text: string): number[] {
  let oracle = oracles.get(encoding);
  if (oracle === undefined) {
    oracle = get_encoding(encoding);
    oracles.set(encoding, oracle);
  }
  return Array.from(oracle.encode_ordinary(text));
}

export function oracleCount(encoding: EncodingName, text: string): number {
  return oracleEncode(encoding, text).length;
}
