import { isMap, isScalar, isSeq, Scalar, type Document, type Node } from 'yaml';
import * as R from '../money/rational.js';
import { problem, type Path, type Problem } from '../problems/problem.js';
import { didYouMean, listAnd, listOr } from '../problems/suggest.js';
import { locate, type YamlSource } from '../yaml/source.js';
import { SWEEP_LIMITS } from './vary.js';

/** where a dotted path lands in a scheme's YAML: the keys and indices down to it, and whether the last key is there yet */
export interface Target {
  /** the path in the document: mapping keys and list indices */
  keys: Path;
  /** the value there now: a number or text (for a --vary, text that reads as a number: varyTarget), or undefined when the last key is new */
  current: number | string | undefined;
}

/** what a list item is known by: its id, else its name */
function itemName(item: unknown): string | undefined {
  if (!isMap(item)) return undefined;
  const id = item.get('id');
  if (typeof id === 'string' || typeof id === 'number') return String(id);
  const name = item.get('name');
  return typeof name === 'string' ? name : undefined;
}

/**
 * Find `segments` (a --vary's path) in a scheme's document: a mapping key by
 * name, a list item by its index or by its id (or name). What does not
 * resolve is a problem placed where the path stops, saying what is there.
 * The last key may be new in its mapping (a cap the scheme does not have
 * yet): the scheme's own checks then say whether it belongs. A scalar is
 * found whatever it holds (optimise rewrites the `scenario:` path through
 * it); a --vary takes only a number, through varyTarget.
 */
export function findTarget(src: YamlSource, segments: readonly string[], option: string): Target | Problem {
  const keys: Path = [];
  let node: unknown = src.doc.contents;
  const shown = (n: number) => segments.slice(0, n).join('.') || 'the top of the scheme';
  const stop = (message: string, hint: string) => problem('unknown-key', `${option}: ${message}`, { ...locate(src, keys), hint });
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const names = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter(Boolean);
      if (!names.includes(seg)) {
        if (last) return { keys: [...keys, seg], current: undefined };
        const dym = didYouMean(seg, names);
        return stop(`no '${seg}' in ${shown(i)}${dym ? `; ${dym}` : ''}`, `its keys are ${listOr(names)}`);
      }
      keys.push(seg);
      node = node.get(seg, true);
    } else if (isSeq(node)) {
      const named = node.items.map(itemName);
      let index = /^\d+$/.test(seg) ? Number(seg) : named.indexOf(seg);
      if (index < 0 || index >= node.items.length) {
        const known = named.filter((n): n is string => n !== undefined);
        const dym = didYouMean(seg, known);
        const hint = known.length ? `its items are ${listOr(known)}, or an index from 0 to ${node.items.length - 1}` : `give an index from 0 to ${node.items.length - 1}`;
        return stop(`no item '${seg}' in ${shown(i)}${dym ? `; ${dym}` : ''}`, hint);
      }
      keys.push(index);
      node = node.items[index];
    } else {
      return stop(`${shown(i)} is a single value, with nothing under it to reach '${segments.slice(i).join('.')}'`, `give the path of a number, e.g. ${shown(i)}`);
    }
  }
  if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'string')) return { keys, current: node.value };
  const path = segments.join('.');
  const at = locate(src, keys);
  if (isMap(node)) {
    const keyNames = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter(Boolean);
    const numeric = keyNames.filter((k) => {
      const value = node.get(k, true);
      return isScalar(value) && holdsNumber(value.value);
    });
    const hint = numeric.length
      ? `give the path of a number inside it: ${listOr(numeric.map((k) => `${path}.${k}`))}`
      : `none of its keys (${listAnd(keyNames)}) holds a number; give the path of a number elsewhere in the scheme`;
    return problem('bad-value', `${option}: ${path} is a mapping; --vary sets one number`, { ...at, hint });
  }
  return problem('bad-value', `${option}: ${path} is ${isSeq(node) ? 'a list' : 'not a number'}; --vary sets one number`, { ...at, hint: 'give the path of a number' });
}

/**
 * Where a --vary lands: findTarget's place, and only a number there, or
 * text the scheme reads as one ('1%', '0.05'). Other text (a formula, a
 * column name) would be overwritten by a number and the scheme would play a
 * constant in its place: refused at the value.
 */
export function varyTarget(src: YamlSource, segments: readonly string[], option: string): Target | Problem {
  const target = findTarget(src, segments, option);
  if ('code' in target || target.current === undefined || holdsNumber(target.current)) return target;
  return problem('bad-value', `${option}: ${segments.join('.')} is text (a formula or a column name); --vary sets one number`, {
    ...locate(src, target.keys),
    hint: 'give the path of a number, such as a rate or an amount: 0.05, 5% or 1500',
  });
}

/** a value --vary may replace: a number, or text the scheme reads as one ('0.05', '5%', '5 %'), as the normaliser's rate() reads it */
function holdsNumber(value: unknown): boolean {
  return numberOf(value) !== undefined;
}

/**
 * The number such a value stands for, as --vary's grid holds it: a
 * percentage as its fraction ('5%' is 0.05), other text as the decimal it
 * writes; undefined for anything else (a formula, a column name).
 */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const percent = text.endsWith('%');
  const q = R.parseDecimal(percent ? text.slice(0, -1).trim() : text);
  if (q === undefined) return undefined;
  return (percent ? R.div(q, R.q(100)) : q).f;
}

/**
 * The value as the scheme writes it: as a percentage when the --vary's
 * bounds were written so ('0.5%..10%'), else as a plain number (a quoted
 * string where the scheme quoted the value it replaces). The scheme's own
 * checks then read it as they read the user's file: a plain 2 for a rate of
 * pay is 200 % and refused, as `rate: 2` would be.
 */
export function written(value: R.Q, percent: boolean, current: number | string | undefined): number | string {
  if (percent) return `${R.toDecimalString(R.mul(value, R.q(100)), SWEEP_LIMITS.digits)}%`;
  const text = R.toDecimalString(value, SWEEP_LIMITS.digits);
  return typeof current === 'string' && !current.trim().endsWith('%') ? text : Number(text);
}

/** a scalar's new source text, in the style of the one it replaces (quoted stays quoted) */
function scalarText(node: Scalar, value: number | string): string {
  if (typeof value === 'number') return String(value);
  if (node.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (node.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  return value;
}

/**
 * The scheme's text with each target set to its value: a sweep's point, or
 * the scheme optimise writes. A value that replaces one is spliced into the
 * text in its place, so every other byte (comments, layout, quoting) stays
 * as the user wrote it; a key that is new is added through the yaml
 * Document API, which keeps the comments but lays the file out anew.
 */
export function textWith(src: Pick<YamlSource, 'doc' | 'text'>, settings: readonly { target: Target; value: number | string }[]): string {
  const splices: { start: number; end: number; text: string }[] = [];
  for (const { target, value } of settings) {
    const node = src.doc.getIn(target.keys, true) as Node | undefined;
    if (!isScalar(node) || !node.range || target.current === undefined) return rewritten(src.doc, settings);
    splices.push({ start: node.range[0], end: node.range[1], text: scalarText(node, value) });
  }
  let text = src.text;
  for (const s of splices.sort((a, b) => b.start - a.start)) text = text.slice(0, s.start) + s.text + text.slice(s.end);
  return text;
}

function rewritten(doc: Document, settings: readonly { target: Target; value: number | string }[]): string {
  const copy = doc.clone();
  for (const { target, value } of settings) {
    const node = copy.getIn(target.keys, true) as Node | undefined;
    if (isScalar(node)) {
      node.value = value;
      if (typeof value === 'number') node.type = Scalar.PLAIN;
    } else copy.setIn(target.keys, value);
  }
  return copy.toString({ flowCollectionPadding: false, lineWidth: 0 });
}
