import { createHash } from 'node:crypto';
import type { PartInput } from '../../core/shard/check-parts.js';
import { exactStringify } from './exact-json.js';
import type { DataStart } from './inputs.js';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** a scheme or scenario file a part was played from, by the digest of its text */
export function fileInput(what: string, loaded: { file: string; text: string }): PartInput {
  return { what, file: loaded.file, sha256: sha256(loaded.text) };
}

/** --data: the book of business the simulation starts from and the months it continues, as read (through --map, if given), by their digest */
export function dataInput(folder: string, start: DataStart): PartInput {
  return { what: 'data', file: folder, sha256: sha256(exactStringify({ book: start.book, history: start.history })) };
}
