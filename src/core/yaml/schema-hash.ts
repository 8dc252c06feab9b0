import type { JsonSchema } from './check-schema.js';

/**
 * A fingerprint of a JSON Schema (64-bit FNV-1a over its JSON, two lanes):
 * a validator compiled ahead of time is used only for the very schema it
 * was compiled from.
 */
export function schemaHash(schema: JsonSchema): string {
  const text = JSON.stringify(schema);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}
