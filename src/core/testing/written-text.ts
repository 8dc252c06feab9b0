import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Path } from '../types.js';
import type { YamlSource } from '../yaml/source.js';

/**
 * The text of the scalar at `path` as it is written in the file, the way a
 * CSV cell is read: `007` stays 007 (YAML's value is the number 7), `1e3`
 * stays 1e3, `0x1A` stays 0x1A, `1.50` stays 1.50. A null (`~`, `null`, or
 * nothing) is the empty cell. Undefined where the path reaches no scalar
 * (a value merged in with `<<:`): the caller falls back to the value.
 */
export function writtenText(source: YamlSource, path: Path): string | undefined {
  let node: unknown = source.doc.contents;
  for (const seg of source.root ? [...source.root, ...path] : path) {
    if (isAlias(node)) node = node.resolve(source.doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return undefined;
      node = pair.value;
    } else if (isSeq(node)) node = node.items[typeof seg === 'number' ? seg : Number(seg)];
    else return undefined;
  }
  if (isAlias(node)) node = node.resolve(source.doc);
  if (!isScalar(node)) return node === null ? '' : undefined;
  if (node.value === null || node.value === undefined) return '';
  // (source: the scalar's text with quotes and escapes resolved; a plain scalar's exactly as written)
  return typeof node.source === 'string' ? node.source : String(node.value);
}
