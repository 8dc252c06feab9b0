import jsepModule from 'jsep';
import * as R from '../money/rational.js';
import type { FormulaNode } from '../types.js';

const jsep = (jsepModule as unknown as { default?: typeof jsepModule }).default ?? jsepModule;

type JsepNode = { type: string; [k: string]: unknown };

const FUNCTIONS = ['min', 'max', 'round', 'floor', 'ceil'] as const;

export interface FormulaError {
  message: string;
  /** 0-based character index in the formula */
  index: number;
}

/**
 * Plan formulas: + - * / on numbers, measures (clients_owned), plan names,
 * rep columns (rep.target) and min/max/round/floor/ceil. Parsed by jsep,
 * then narrowed to this small language; no code ever runs.
 */
export function parseFormula(text: string): { ast: FormulaNode } | { error: FormulaError } {
  let tree: JsepNode;
  try {
    tree = jsep(text) as unknown as JsepNode;
  } catch (err) {
    const e = err as Error & { index?: number; description?: string };
    return { error: { message: e.description ?? e.message, index: e.index ?? 0 } };
  }
  try {
    return { ast: convert(tree) };
  } catch (err) {
    return { error: err as FormulaError };
  }
}

function fail(message: string): never {
  throw { message, index: 0 } satisfies FormulaError;
}

function convert(n: JsepNode): FormulaNode {
  switch (n.type) {
    case 'Literal': {
      if (typeof n.value !== 'number') fail(`${String(n.raw)} is not a number`);
      const value = R.parseDecimal(String(n.raw));
      if (!value) fail(`${String(n.raw)} is not a number`);
      return { kind: 'number', value };
    }
    case 'Identifier':
      return { kind: 'variable', name: String(n.name) };
    case 'MemberExpression': {
      const object = n.object as JsepNode;
      const property = n.property as JsepNode;
      if (object.type === 'Identifier' && object.name === 'rep' && !n.computed && property.type === 'Identifier') {
        return { kind: 'column', column: String(property.name) };
      }
      return fail("only 'rep.<column>' may use a dot");
    }
    case 'UnaryExpression': {
      const op = String(n.operator);
      if (op !== '-' && op !== '+') fail(`'${op}' is not allowed; use + - * / and min, max, round, floor, ceil`);
      return { kind: 'unary', op, arg: convert(n.argument as JsepNode) };
    }
    case 'BinaryExpression': {
      const op = String(n.operator);
      if (op !== '+' && op !== '-' && op !== '*' && op !== '/') fail(`'${op}' is not allowed; use + - * /`);
      return { kind: 'binary', op, left: convert(n.left as JsepNode), right: convert(n.right as JsepNode) };
    }
    case 'CallExpression': {
      const callee = n.callee as JsepNode;
      const name = String(callee.name);
      if (callee.type !== 'Identifier' || !(FUNCTIONS as readonly string[]).includes(name)) {
        fail(`unknown function '${callee.type === 'Identifier' ? name : '?'}'; use ${FUNCTIONS.join(', ')}`);
      }
      const args = (n.arguments as JsepNode[]).map(convert);
      const fn = name as (typeof FUNCTIONS)[number];
      if ((fn === 'min' || fn === 'max') && args.length < 2) fail(`${fn}() needs at least two arguments`);
      if ((fn === 'round' || fn === 'floor' || fn === 'ceil') && args.length !== 1) fail(`${fn}() takes one argument`);
      return { kind: 'call', fn, args };
    }
    default:
      return fail(`this kind of expression (${n.type}) is not allowed; use numbers, names, + - * / and min, max, round, floor, ceil`);
  }
}

/** names the formula reads, for reference checks and cycle detection */
export function formulaVariables(node: FormulaNode, out: Set<string> = new Set()): Set<string> {
  switch (node.kind) {
    case 'variable':
      out.add(node.name);
      break;
    case 'unary':
      formulaVariables(node.arg, out);
      break;
    case 'binary':
      formulaVariables(node.left, out);
      formulaVariables(node.right, out);
      break;
    case 'call':
      for (const a of node.args) formulaVariables(a, out);
      break;
    default:
      break;
  }
  return out;
}

export function formulaColumns(node: FormulaNode, out: Set<string> = new Set()): Set<string> {
  switch (node.kind) {
    case 'column':
      out.add(node.column);
      break;
    case 'unary':
      formulaColumns(node.arg, out);
      break;
    case 'binary':
      formulaColumns(node.left, out);
      formulaColumns(node.right, out);
      break;
    case 'call':
      for (const a of node.args) formulaColumns(a, out);
      break;
    default:
      break;
  }
  return out;
}
