import { Document, Pair, Scalar, YAMLMap, type Node } from 'yaml';

/**
 * The pieces of a YAML document written for people (the calibrated
 * scenario): comments before a key and after its value, blank lines, simple
 * names as plain keys and anything else in double quotes.
 *
 * A comment is stored as it is printed, with its '#' (`commentString` leaves
 * it as it is): so a comment after a value sits two spaces after it, as in
 * the hand-written scenarios, where yaml's own writer would put one.
 */
export const PRINT = { commentString: (comment: string) => comment, flowCollectionPadding: false, lineWidth: 0, doubleQuotedAsJSON: true } as const;

/** how a key is written: comment lines before it ('' a blank line), a blank line before those, a comment after its value */
export interface Placing {
  before?: readonly string[];
  space?: boolean;
  note?: string;
}

/** comment lines as printed: '# text', '' for a blank line */
export const commentLines = (lines: readonly string[]): string => lines.map((l) => (l === '' ? '' : `# ${l}`)).join('\n');

/** a name as a person would write it as a key: plain when it is a simple name, else in double quotes */
function keyNode(name: string): Scalar {
  const key = new Scalar(name);
  if (!/^[A-Za-z_][\w-]*$/.test(name)) key.type = Scalar.QUOTE_DOUBLE;
  return key;
}

/** a string in double quotes */
export function quoted(text: string): Scalar {
  const node = new Scalar(text);
  node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

/** `key: value  # note` at the end of `map`: a mapping given as a YAMLMap is a block, any other mapping or list is written in flow style ({a: 1}, [1, 2]) */
export function put(doc: Document, map: YAMLMap, key: string, value: unknown, placing: Placing = {}): void {
  const k = keyNode(key);
  const v: Node = value instanceof YAMLMap || value instanceof Scalar ? value : doc.createNode(value, { flow: true });
  if (placing.before?.length) k.commentBefore = commentLines(placing.before);
  if (placing.space) k.spaceBefore = true;
  if (placing.note !== undefined) v.comment = ` # ${placing.note}`;
  map.items.push(new Pair(k, v));
}
