import { CST, isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, parseDocument, Scalar, visit, type Document, type Node, type YAMLError } from 'yaml';
import { problem, type Path, type Problem } from '../problems/problem.js';
import { suggest } from '../problems/suggest.js';
import { byPosition, clip } from '../problems/format.js';
import * as R from '../money/rational.js';

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
  /**
   * the plain value, or undefined when the YAML could not be read. A number
   * YAML cannot hand over as written (see valueProblems), or one written in
   * hexadecimal or octal (0x10, 0o17), is its text here, so that no stage
   * reads a number other than the one written: one that wants a number
   * refuses it where it is, and one that takes text (an id) keeps it.
   */
  value: unknown;
  /** problems that stop every later stage: the YAML could not be read, or not safely */
  problems: Problem[];
  /**
   * Numbers YAML cannot hand over as written (.nan, .inf, more digits than a
   * float keeps), each with its path: a problem of one value, which does not
   * stop the later stages (they check the rest, and take the value as invalid).
   * A loader reports them beside its own; with the YAML's own errors they are
   * in `problems` too, as nothing after those is checked.
   */
  valueProblems: Problem[];
  /** where `value` sits in the document, when it is a part of it (an inline scheme in a test file) */
  root?: Path;
}

const MAX_ALIASES = 100;
/**
 * Levels of nesting (indentation levels plus open brackets) a YAML file may
 * have. A motiv file needs about ten; the parser would exhaust the stack at
 * about a thousand, so anything deeper is refused before it is parsed.
 */
export const MAX_YAML_DEPTH = 100;
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));
const shortTag = (tag: string) => tag.replace(/^tag:yaml\.org,2002:/, '!!');
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function readYaml(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  const tooDeep = nestingExceeded(text, MAX_YAML_DEPTH);
  const options = { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true, strict: true };
  let doc = parseDocument(tooDeep === undefined ? text : '', options);
  const src: YamlSource = { file, text, doc, lines, value: undefined, problems: [], valueProblems: [] };
  if (tooDeep !== undefined) {
    // the parser never saw the text, so lines are counted here
    const before = text.slice(0, tooDeep);
    src.problems.push(
      problem('yaml-syntax', `YAML nested more than ${MAX_YAML_DEPTH} levels deep`, {
        file,
        line: before.split('\n').length,
        column: tooDeep - before.lastIndexOf('\n'),
        hint: 'a motiv file needs a few levels; check the indentation of the lines above, or for an unclosed [ or {',
      }),
    );
    return src;
  }
  const syntax = syntaxProblems(src, doc.errors);
  // a key given twice is no guesswork: the file is read on with the later one, so its other problems are said too
  // (a value problem: a scheme is checked around it, a scenario, map or test file stops at it as before)
  // (its own line counter: a counter counts the lines of every parse it is given)
  const againLines = duplicatesOnly(doc.errors) ? new LineCounter() : undefined;
  const again = againLines && parseDocument(text, { ...options, lineCounter: againLines, uniqueKeys: false });
  if (again !== undefined && againLines !== undefined && again.errors.length === 0) {
    const offsets = doc.errors.map((e) => e.pos[0]);
    src.doc = doc = again;
    src.lines = againLines;
    syntax.forEach((p, i) => src.valueProblems.push({ ...p, path: pairPath(again, offsets[i]) }));
  } else src.problems.push(...syntax);
  if (src.problems.length > 0) return src;
  for (const w of doc.warnings) {
    const tag = w.message.split('\n')[0].replace(/^Unresolved tag: /, '');
    // a tag motiv never reads is said once, by tagProblem below
    if (w.code === 'TAG_RESOLVE_FAILED' && PLAIN_TAGS.has(tag)) {
      src.problems.push(
        problem('yaml-syntax', `YAML tag '${shortTag(tag)}' does not fit its value`, {
          ...at(src, w.pos[0]),
          hint: 'remove the tag; motiv reads plain YAML values',
        }),
      );
    }
  }
  // YAML 1.1 reads yes/no as true/false, 010 as 8 and dates as timestamps: values would not mean what they say
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    src.problems.push(
      problem('yaml-syntax', `motiv reads YAML 1.2, not ${doc.directives.yaml.version}`, { file, line: 1, column: 1, hint: "remove the '%YAML' line" }),
    );
  }

  visit(doc, {
    Pair(_, pair) {
      // keys that would reach an object's prototype are refused before the document becomes JS
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && FORBIDDEN_KEYS.has(pair.key.value)) {
        src.problems.push(
          problem('forbidden-key', `key '${pair.key.value}' is not allowed: it could change how every object behaves`, {
            ...at(src, pair.key.range?.[0] ?? 0),
            hint: 'remove it or rename it; motiv never uses it',
          }),
        );
        return visit.REMOVE;
      }
      // a list or mapping as a key would be turned into text (and the parser would warn on stderr)
      if (pair.key !== null && !isScalar(pair.key) && !isAlias(pair.key)) {
        src.problems.push(
          problem('yaml-syntax', 'YAML syntax error: a key must be a name, not a list or a mapping', {
            ...at(src, (pair.key as Node).range?.[0] ?? 0),
            hint: "write 'name: value'",
          }),
        );
        return visit.REMOVE;
      }
      return undefined;
    },
    // (the library calls Scalar instead of Node for a scalar: both check the tag)
    Node(_, node) {
      tagProblem(src, node);
    },
    Scalar(_, node, ancestors) {
      tagProblem(src, node);
      // 0x10 and 0o17 are 16 and 15 to YAML: handed over as written, where they are a value of no kind motiv reads as a number
      if (typeof node.value === 'number' && (node.format === 'HEX' || node.format === 'OCT')) {
        node.value = src.text.slice(node.range?.[0] ?? 0, node.range?.[1] ?? 0).trim();
      } else if (typeof node.value === 'number') {
        const p = numberProblem(src, node);
        if (p) {
          src.valueProblems.push({ ...p, path: pathOf(ancestors, node) });
          // (handed over as its text: see YamlSource.value)
          node.value = src.text.slice(node.range?.[0] ?? 0, node.range?.[1] ?? 0).trim();
        }
      }
    },
    Alias(_, node) {
      // an alias must follow its anchor; the parser only notices when it builds the value
      if (!hasAnchorBefore(doc, node.source, node.range?.[0] ?? 0)) {
        const anchors = anchorNames(doc);
        const guess = suggest(node.source, anchors);
        src.problems.push(
          problem('yaml-syntax', `alias '*${node.source}' refers to no anchor '&${node.source}' above it${guess ? `; did you mean '*${guess}'?` : ''}`, {
            ...at(src, node.range?.[0] ?? 0),
            hint: anchors.length ? `anchors in this file: ${anchors.map((a) => `&${a}`).join(', ')}` : "set the anchor first, e.g. 'amount: &base 1500', then write '*base'",
          }),
        );
      }
    },
  });
  if (hasErrorsIn(src.problems)) return withValueProblems(src);

  try {
    src.value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    const message = (err as Error).message ?? '';
    if (/alias count/i.test(message)) {
      src.problems.push(
        problem('alias-limit', `aliases here expand to too many values (more than ${MAX_ALIASES} alias uses): a document built to exhaust memory`, {
          ...at(src, findFirstAlias(doc) ?? 0),
          hint: 'write the values out, or use fewer nested aliases',
        }),
      );
    } else {
      src.problems.push(problem('yaml-syntax', `the YAML cannot be read: ${message.split('\n')[0]}`, { file, line: 1, column: 1 }));
    }
  }
  return hasErrorsIn(src.problems) ? withValueProblems(src) : src;
}

/** a tag (!foo, !!binary, !!timestamp, !!set) would turn a value into something motiv never reads */
function tagProblem(src: YamlSource, node: Node): void {
  if (!node.tag || PLAIN_TAGS.has(node.tag)) return;
  src.problems.push(
    problem('yaml-syntax', `YAML tag '${shortTag(node.tag)}' is not used in motiv files`, {
      ...at(src, node.range?.[0] ?? 0),
      hint: 'remove the tag; write the value plainly, in quotes if it is text',
    }),
  );
}

/**
 * What stops a file at its YAML stage where its loader does not read it
 * around a number YAML cannot hand over (a scenario, a map, a test file):
 * the YAML's own errors, else those numbers' problems, in file order; none
 * when neither. A scheme is read around them (scheme/load.ts).
 */
export function stoppingProblems(src: YamlSource): Problem[] {
  if (hasErrorsIn(src.problems)) return src.problems;
  return src.valueProblems.map(withoutPath);
}

/** a problem once placed: its path dropped */
export const withoutPath = ({ path: _path, ...p }: Problem): Problem => p;

/** a YAML stage that stops everything after it: its value problems are said with its own, in file order, as nothing else will say them */
function withValueProblems(src: YamlSource): YamlSource {
  if (src.valueProblems.length === 0) return src;
  const all = [...src.problems, ...src.valueProblems.map(withoutPath)];
  src.problems = all.sort(byPosition);
  return src;
}

/** the path of a node in the document's value, from the nodes the visitor passed on the way to it */
function pathOf(ancestors: readonly unknown[], node: Node): Path {
  const chain = [...ancestors, node];
  const path: Path = [];
  for (let i = 0; i < chain.length - 1; i++) {
    const here = chain[i];
    const next = chain[i + 1];
    if (isSeq(here)) path.push(here.items.indexOf(next as Node));
    // a number written as a key: the pair is the place
    else if (isPair(here) && next === here.value) path.push(isScalar(here.key) ? String(here.key.value) : '?');
  }
  return path;
}

/** the parser's errors are all keys given twice */
function duplicatesOnly(errors: readonly YAMLError[]): boolean {
  return errors.length > 0 && errors.every((e) => e.code === 'DUPLICATE_KEY');
}

/** the path of the value of the pair whose key starts at `offset` (a duplicate key's place), [] when none does */
function pairPath(doc: Document.Parsed, offset: number): Path {
  let found: Path = [];
  visit(doc, {
    Pair(_, pair, ancestors) {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      found = [...pathOf(ancestors, pair as unknown as Node), String(pair.key.value)];
      return visit.BREAK;
    },
  });
  return found;
}

function hasErrorsIn(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/**
 * The offset of the first token nested deeper than `limit`, if one is: block
 * levels counted as the parser counts them, by the column a line's content
 * starts at (after its indentation and any '- ', '? ' or ': ' before it),
 * plus the brackets open around it. A list under a key may share the key's
 * column, so the parser's depth is at most twice this count: a bound that
 * holds whatever the text, since it reads the same tokens the parser reads.
 */
function nestingExceeded(text: string, limit: number): number | undefined {
  const columns: number[] = [];
  let flow = 0;
  let offset = 0;
  let lineStart = 0;
  let atLineStart = true;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // markers the lexer adds take no room in the text
    if (type === 'doc-mode' || type === 'scalar') continue;
    if (type === 'flow-error-end') {
      flow = 0;
      continue;
    }
    const start = offset;
    offset += token.length;
    if (type === 'newline') {
      atLineStart = true;
      lineStart = offset;
      continue;
    }
    if (type === 'space' || type === 'comment' || type === 'byte-order-mark') continue;
    if (type === 'doc-start') {
      columns.length = 0;
      flow = 0;
      continue;
    }
    if (flow === 0 && atLineStart) {
      const column = start - lineStart;
      while (columns.length > 0 && columns[columns.length - 1] > column) columns.pop();
      if (columns.length === 0 || columns[columns.length - 1] < column) columns.push(column);
    }
    if (type !== 'seq-item-ind' && type !== 'explicit-key-ind' && type !== 'map-value-ind') atLineStart = false;
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    else if ((type === 'flow-seq-end' || type === 'flow-map-end') && flow > 0) flow--;
    if (columns.length + flow > limit) return start;
    // a block scalar or a scalar over several lines: the next token is on its last line
    const lastBreak = token.lastIndexOf('\n');
    if (lastBreak >= 0) lineStart = start + lastBreak + 1;
  }
  return undefined;
}

const DECIMAL_LITERAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A number YAML cannot hand over as written: .inf and .nan, and literals with
 * more digits than a float holds (they would be paid as another amount).
 */
function numberProblem(src: YamlSource, node: Scalar): Problem | undefined {
  const value = node.value as number;
  const [start, end] = node.range ?? [0, 0];
  const text = src.text.slice(start, end).trim();
  if (!Number.isFinite(value)) {
    return problem('bad-value', `${text || String(value)} is not a number motiv can use`, {
      ...at(src, start),
      hint: 'write a finite number, like 1500 or 0.05',
    });
  }
  if (node.type !== Scalar.PLAIN || !DECIMAL_LITERAL.test(text)) return undefined;
  const exact = R.parseDecimal(text);
  let read: R.Q | undefined;
  try {
    read = R.fromNumber(value);
  } catch {
    read = undefined;
  }
  if (exact === undefined || read === undefined || R.eq(exact, read)) return undefined;
  return problem('bad-value', `${clip(text)} has more digits than a YAML number keeps: it would be read as ${clip(R.toDecimalString(read))}`, {
    ...at(src, start),
    hint: `write it in quotes, "${clip(text)}", to keep every digit`,
  });
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

function anchorNames(doc: Document.Parsed): string[] {
  const names: string[] = [];
  visit(doc, {
    Node(_, node) {
      if (node.anchor && !names.includes(node.anchor)) names.push(node.anchor);
    },
  });
  return names;
}

function hasAnchorBefore(doc: Document.Parsed, name: string, offset: number): boolean {
  let found = false;
  visit(doc, {
    Node(_, node) {
      if (node.anchor === name && (node.range?.[0] ?? Infinity) < offset) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The parser's errors as problems, worded for a person and placed where the
 * mistake starts (the opening quote or bracket, not the end of the file).
 * After a syntax error the rest of the parse is guesswork, so only the first
 * error of each kind is kept; repeats are counted in its message.
 */
function syntaxProblems(src: YamlSource, errors: readonly YAMLError[]): Problem[] {
  const out: Problem[] = [];
  const firstOfKind = new Map<string, { problem: Problem; more: number[] }>();
  // a line indented past the key above it continues that key's plain value, whose ':' then makes the value a key:
  // the parser says so twice from the line above (BLOCK_AS_IMPLICIT_KEY, MULTILINE_IMPLICIT_KEY); the second, reworded, is the one kept
  const multiline = errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY');
  // and a key it then reads from that stray line on is a consequence of it
  const strayLines = new Set(multiline.map((e) => src.lines.linePos(e.pos[1]).line));
  for (const err of errors) {
    if (err.code === 'BLOCK_AS_IMPLICIT_KEY' && multiline.some((m) => m.pos[0] === err.pos[0])) continue;
    if (err.code === 'MULTILINE_IMPLICIT_KEY' && strayLines.has(src.lines.linePos(err.pos[0]).line)) continue;
    const p = yamlError(src, err);
    if (p.code === 'duplicate-key') {
      out.push(p);
      continue;
    }
    const kind = `${p.code}|${p.message}`;
    const seen = firstOfKind.get(kind);
    if (seen) {
      if (p.line !== seen.problem.line && !seen.more.includes(p.line!)) seen.more.push(p.line!);
      continue;
    }
    // a later error on a line that already has one is a consequence of it
    if (out.some((q) => q.line === p.line)) continue;
    firstOfKind.set(kind, { problem: p, more: [] });
    out.push(p);
  }
  for (const { problem: p, more } of firstOfKind.values()) {
    if (more.length) p.message += ` (also on line${more.length === 1 ? '' : 's'} ${more.join(', ')})`;
  }
  return out;
}

function yamlError(src: YamlSource, err: YAMLError): Problem {
  const offset = err.pos[0];
  const first = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (err.code) {
    case 'DUPLICATE_KEY': {
      const key = keyAt(src.doc, offset);
      const firstLine = key === undefined ? undefined : firstKeyLine(src, offset, key);
      return problem('duplicate-key', `duplicate key${key === undefined ? '' : ` '${key}'`}${firstLine ? `, already given on line ${firstLine}` : ''}: each key may appear once in a mapping`, {
        ...at(src, offset),
        hint: 'remove one of them, or rename it if you meant another key',
      });
    }
    case 'MULTIPLE_DOCS':
      return problem('multiple-documents', 'the file holds several YAML documents; motiv reads one per file', {
        ...at(src, offset),
        hint: "remove the '---' separator or split the file",
      });
    case 'TAB_AS_INDENT':
      return problem('yaml-syntax', 'YAML syntax error: a tab is used for indentation', { ...at(src, offset), hint: 'indent with spaces only' });
    case 'BAD_DQ_ESCAPE':
      return problem('yaml-syntax', `YAML syntax error: ${first.replace(/^Invalid escape sequence/, 'invalid escape sequence')} in a "double-quoted" value`, {
        ...at(src, offset),
        hint: "write a backslash as \\\\, or use 'single quotes', which take backslashes as they are",
      });
    case 'BAD_SCALAR_START':
      return problem('yaml-syntax', `YAML syntax error: ${first.replace(/^Plain value/, 'a value')}`, { ...at(src, offset), hint: 'put the value in quotes' });
    case 'BLOCK_AS_IMPLICIT_KEY':
      return problem('yaml-syntax', "YAML syntax error: a second ':' on the line makes the value a mapping, which is not allowed here", {
        ...at(src, offset),
        hint: "put the value in quotes if the ':' is part of it, or the mapping on its own indented lines",
      });
    case 'MULTILINE_IMPLICIT_KEY':
      return implicitKeyOverLines(src, err) ?? problem('yaml-syntax', `YAML syntax error: ${lowerFirst(first)}`, { ...at(src, offset), hint: GENERIC_HINT });
    case 'MISSING_CHAR':
      if (/closing .?quote/i.test(first)) {
        const quoted = nodeEndingAt(src.doc, offset, (n) => isScalar(n) && (n.type === Scalar.QUOTE_DOUBLE || n.type === Scalar.QUOTE_SINGLE));
        const mark = first.includes("'") ? "'" : '"';
        return problem('yaml-syntax', `YAML syntax error: the quote ${mark} opened here is never closed`, {
          ...at(src, quoted ?? offset),
          hint: `end the value with ${mark}, or remove the opening quote`,
        });
      }
      if (/Implicit map keys need to be followed by map values/.test(first)) {
        return problem('yaml-syntax', "YAML syntax error: this line is neither 'key: value' nor a '- ' list item", {
          ...at(src, offset),
          hint: "add the ':' after the key, or check the indentation of the line",
        });
      }
      if (/Sequence item without - indicator/.test(first)) {
        return problem('yaml-syntax', "YAML syntax error: the line is indented as a list item but has no '- '", {
          ...at(src, offset),
          hint: "line it up with the keys above it, or start it with '- '",
        });
      }
      return problem('yaml-syntax', `YAML syntax error: ${lowerFirst(first)}`, { ...at(src, offset), hint: GENERIC_HINT });
    case 'BAD_INDENT':
      if (/^Flow (sequence|map)/.test(first)) {
        const list = first.startsWith('Flow sequence');
        const opener = nodeEndingAt(src.doc, offset, (n) => (isSeq(n) || isMap(n)) && n.flow === true);
        return problem('yaml-syntax', `YAML syntax error: the ${list ? "list '['" : "mapping '{'"} opened here is never closed`, {
          ...at(src, opener ?? offset),
          hint: `close it with '${list ? ']' : '}'}' on the same line, or indent its continuation lines`,
        });
      }
      return problem('yaml-syntax', `YAML syntax error: ${lowerFirst(first)}`, {
        ...at(src, offset),
        hint: 'keys of one mapping (and items of one list) must start at the same column',
      });
    default:
      if (/^\s*[[{].*[\]}]\s*:/.test(lineAt(src, offset))) {
        return problem('yaml-syntax', 'YAML syntax error: a key must be a name, not a list or a mapping', {
          ...at(src, offset),
          hint: "write 'name: value' without brackets around the name",
        });
      }
      return problem('yaml-syntax', `YAML syntax error: ${lowerFirst(first)}`, { ...at(src, offset), hint: GENERIC_HINT });
  }
}

/**
 * A key the parser read over several lines ends with the ':' at the end of
 * the error's range. Where its first line is 'key: value', the line with the
 * ':' is indented past that key, and YAML took it as more of the key's value:
 * said at that line, where the extra spaces are. Else the key's first line
 * lacks its ':'.
 */
function implicitKeyOverLines(src: YamlSource, err: YAMLError): Problem | undefined {
  const [start, colon] = err.pos;
  const from = src.lines.linePos(start);
  const to = src.lines.linePos(colon);
  if (to.line === from.line) return undefined;
  const stray = lineAt(src, colon);
  const strayIndent = stray.length - stray.trimStart().length;
  const strayKey = stray.slice(strayIndent, to.col - 1).trim();
  const where = { file: src.file, line: to.line, column: strayIndent + 1 };
  const above = /^(\s*(?:-\s+)?)([^\s#:][^:]*?)\s*:\s/.exec(lineAt(src, start).slice(0, from.col - 1) + ' ');
  if (!above) {
    return problem('yaml-syntax', `YAML syntax error: the key '${clip(strayKey)}' on line ${to.line} runs on from line ${from.line}: a key must be on one line`, {
      ...where,
      hint: `end line ${from.line} with ':' if it is a key, or join the lines`,
    });
  }
  const [, lead, key] = above;
  const extra = strayIndent - lead.length;
  return problem(
    'yaml-syntax',
    `YAML syntax error: '${clip(strayKey)}' is indented ${extra > 0 ? `${extra} space${extra === 1 ? '' : 's'} ` : ''}more than '${clip(key)}' on line ${from.line}, so it is read as part of ${clip(key)}'s value`,
    {
      ...where,
      hint: `if it is a key of the same mapping, start it at column ${lead.length + 1}, as '${clip(key)}': keys of one mapping start at the same column`,
    },
  );
}

function lineAt(src: YamlSource, offset: number): string {
  const start = src.text.lastIndexOf('\n', offset - 1) + 1;
  const end = src.text.indexOf('\n', offset);
  return src.text.slice(start, end < 0 ? undefined : end);
}

const GENERIC_HINT = "check this line for a missing ':' after a key, an unclosed quote or bracket, or indentation that does not line up";

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** the start of the last node that matches and ends at or just before an offset: where an unclosed quote or bracket opened */
function nodeEndingAt(doc: Document.Parsed, offset: number, matches: (n: Node) => boolean): number | undefined {
  let best: number | undefined;
  visit(doc, {
    Node(_, node) {
      const r = node.range;
      if (!r || !matches(node)) return;
      if (r[0] <= offset && r[1] >= offset - 1 && (best === undefined || r[0] > best)) best = r[0];
    },
  });
  return best;
}

function keyAt(doc: Document.Parsed, offset: number): string | undefined {
  let key: string | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        key = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return key;
}

/** the line of the first occurrence of a duplicated key in the same mapping */
function firstKeyLine(src: YamlSource, offset: number, key: string): number | undefined {
  let line: number | undefined;
  visit(src.doc, {
    Map(_, map) {
      const keys = map.items.filter((p) => isScalar(p.key) && String(p.key.value) === key).map((p) => (p.key as Node).range?.[0] ?? -1);
      if (keys.includes(offset) && keys[0] !== offset) {
        line = src.lines.linePos(keys[0]).line;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return line;
}

export function at(src: Pick<YamlSource, 'file' | 'lines'>, offset: number): { file: string; line: number; column: number } {
  const pos = src.lines.linePos(offset);
  return { file: src.file, line: pos.line, column: pos.col };
}

/**
 * The source position of the node at `path`. With `key: true` the position of
 * the mapping key (for "unknown key" and the like); when the path runs past
 * what exists, the deepest node that does. `within` moves into a value
 * written on one line (a character of a formula).
 */
export function locate(src: YamlSource, path: Path, key = false, within?: number): { file: string; line: number; column: number } {
  if (src.root) path = [...src.root, ...path];
  let node: unknown = src.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  let reached = true;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isAlias(node)) node = node.resolve(src.doc);
    if (isMap(node)) {
      // (the last pair of the key: a key given twice is read with its later value, see readYaml)
      let pair: (typeof node.items)[number] | undefined;
      for (let k = node.items.length - 1; k >= 0 && pair === undefined; k--) {
        const p = node.items[k];
        if (isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg)) pair = p;
      }
      if (!pair) {
        reached = false;
        break;
      }
      const keyNode = pair.key as Node;
      if (last && key) {
        offset = keyNode.range?.[0] ?? offset;
        reached = false;
        break;
      }
      node = pair.value;
      offset = (pair.value as Node | null)?.range?.[0] ?? keyNode.range?.[0] ?? offset;
    } else if (isSeq(node)) {
      const idx = typeof seg === 'number' ? seg : Number(seg);
      const item = node.items[idx] as Node | undefined;
      if (!item) {
        reached = false;
        break;
      }
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      reached = false;
      break;
    }
  }
  if (within !== undefined && reached && isScalar(node)) offset += offsetWithin(src, node, within);
  return at(src, offset);
}

/** how far into its source a character of a scalar's value is, when the value is written as it reads (plain or quoted, one line, no escapes) */
function offsetWithin(src: YamlSource, node: Scalar, index: number): number {
  const [start, end] = node.range ?? [0, 0];
  const raw = src.text.slice(start, end);
  const value = String(node.value);
  if (raw.includes('\n') || index < 0 || index > value.length) return 0;
  if (node.type === Scalar.PLAIN && raw.startsWith(value)) return index;
  if ((node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) && raw.slice(1).startsWith(value)) return index + 1;
  return 0;
}

/** fill in file, line and column of problems that carry only a path */
export function placeProblems(src: YamlSource, problems: Problem[]): Problem[] {
  return problems.map((p) => {
    if (p.line !== undefined) return { file: src.file, ...withoutIndex(p) };
    const { valueIndex, onKey, ...rest } = p;
    if (p.path) return { ...rest, ...locate(src, p.path, onKey === true || keyLocated(p), valueIndex) };
    return { ...rest, file: src.file, line: 1, column: 1 };
  });
}

function withoutIndex(p: Problem): Problem {
  const { valueIndex: _index, onKey: _key, ...rest } = p;
  return rest;
}

function keyLocated(p: Problem): boolean {
  return p.code === 'unknown-key' || p.code === 'duplicate-id';
}
