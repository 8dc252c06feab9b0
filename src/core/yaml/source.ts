import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { problem, type Path, type Problem } from '../problems/problem.js';

/**
 * A YAML file parsed with its source positions kept, so that every later
 * problem (from JSON Schema or from a semantic rule) can point at a line and
 * column through its path.
 */
export interface YamlSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** the plain value, or undefined when the YAML could not be read */
  value: unknown;
  problems: Problem[];
  /** where `value` sits in the document, when it is a part of it (an inline scheme in a test file) */
  root?: Path;
}

const MAX_ALIASES = 100;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function readYaml(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true, strict: true });
  const src: YamlSource = { file, text, doc, lines, value: undefined, problems: [] };
  for (const err of doc.errors) src.problems.push(yamlError(src, err.code, err.message, err.pos[0]));
  if (src.problems.length > 0) return src;

  // keys that would reach an object's prototype are refused before the document becomes JS
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && FORBIDDEN_KEYS.has(pair.key.value)) {
        src.problems.push(
          problem('forbidden-key', `key '${pair.key.value}' is not allowed`, {
            ...at(src, pair.key.range?.[0] ?? 0),
            hint: 'rename the key; motiv never uses it',
          }),
        );
        return visit.REMOVE;
      }
      return undefined;
    },
  });

  try {
    src.value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    const firstAlias = findFirstAlias(doc);
    src.problems.push(
      problem('alias-limit', `too many alias expansions (more than ${MAX_ALIASES}): ${(err as Error).message}`, {
        ...at(src, firstAlias ?? 0),
        hint: 'write the values out instead of nesting aliases',
      }),
    );
  }
  return src;
}

function findFirstAlias(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node.range?.[0];
      return visit.BREAK;
    },
  });
  return found;
}

function yamlError(src: YamlSource, code: string, message: string, offset: number): Problem {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return problem('duplicate-key', 'duplicate key: each key may appear once in a mapping', {
        ...at(src, offset),
        hint: 'remove or rename one of them',
      });
    case 'MULTIPLE_DOCS':
      return problem('multiple-documents', 'the file holds several YAML documents; motiv reads one per file', {
        ...at(src, offset),
        hint: "remove the '---' separator or split the file",
      });
    default:
      return problem('yaml-syntax', `YAML syntax error: ${first}`, at(src, offset));
  }
}

export function at(src: Pick<YamlSource, 'file' | 'lines'>, offset: number): { file: string; line: number; column: number } {
  const pos = src.lines.linePos(offset);
  return { file: src.file, line: pos.line, column: pos.col };
}

/**
 * The source position of the node at `path`. With `key: true` the position of
 * the mapping key (for "unknown key" and the like); when the path runs past
 * what exists, the deepest node that does.
 */
export function locate(src: YamlSource, path: Path, key = false): { file: string; line: number; column: number } {
  if (src.root) path = [...src.root, ...path];
  let node: unknown = src.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isAlias(node)) node = node.resolve(src.doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (last && key) {
        offset = keyNode.range?.[0] ?? offset;
        break;
      }
      node = pair.value;
      offset = (pair.value as Node | null)?.range?.[0] ?? keyNode.range?.[0] ?? offset;
    } else if (isSeq(node)) {
      const idx = typeof seg === 'number' ? seg : Number(seg);
      const item = node.items[idx] as Node | undefined;
      if (!item) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return at(src, offset);
}

/** fill in file, line and column of problems that carry only a path */
export function placeProblems(src: YamlSource, problems: Problem[]): Problem[] {
  return problems.map((p) => {
    if (p.line !== undefined) return { file: src.file, ...p };
    if (p.path) return { ...p, ...locate(src, p.path, keyLocated(p)) };
    return { ...p, file: src.file, line: 1, column: 1 };
  });
}

function keyLocated(p: Problem): boolean {
  return p.code === 'unknown-key' || p.code === 'duplicate-id';
}
