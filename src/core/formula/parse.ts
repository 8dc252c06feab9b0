import jsepModule from 'jsep';
import * as R from '../money/rational.js';
import { constantDivisionByZero } from './constant-division.js';
import { childrenOf, isCondition, type CompareOp, type FormulaNode } from './formula-node.js';
import { failedParseMistake, writtenMistake } from './written-mistakes.js';

const jsep = (jsepModule as unknown as { default?: typeof jsepModule }).default ?? jsepModule;

type JsepNode = { type: string; [k: string]: unknown };

const FUNCTIONS = ['min', 'max', 'round', 'floor', 'ceil', 'clamp'] as const;
const COMPARISONS: readonly string[] = ['<', '<=', '>', '>=', '==', '!='] satisfies CompareOp[];
/** what a formula may use, for messages */
const ALLOWED = 'numbers, names, + - * /, comparisons (< <= > >= == !=) with && || ! inside if(), and min, max, clamp, round, floor, ceil, if';
/** the periods `prior()` looks back by */
const PRIOR_PERIODS = ['month', 'quarter', 'year'] as const;
/** how many periods back `prior()` may look */
export const MAX_PRIOR_BACK = 10;

export interface FormulaError {
  message: string;
  /** 0-based character index in the formula */
  index: number;
}

/** a plan formula is a line, not a program: longer ones are refused before they are parsed */
export const MAX_FORMULA_LENGTH = 1_000;
/** levels of parentheses, calls and signs ('- -x'): the parser and the evaluator recurse on each */
export const MAX_FORMULA_DEPTH = 50;

/**
 * Formulas of plans and of `formula` components: + - * / on numbers,
 * measures (clients_owned), plan names, rep columns (rep.target),
 * min/max/clamp/round/floor/ceil, `if(condition, a, b)` on comparisons
 * joined by && || !, and `prior(EXPR, month|quarter|year[, N])`: measures
 * over the N-th earlier period (a plan ratcheted on the rep's own past).
 * Parsed by jsep, then narrowed to this small language; no code ever runs.
 * Every error names the character where it is.
 */
export function parseFormula(text: string): { ast: FormulaNode } | { error: FormulaError } {
  const tooBig = sizeError(text);
  if (tooBig) return { error: tooBig };
  // '%' is jsep's remainder: a percentage is the likelier meaning, and neither is in the language
  const percent = text.indexOf('%');
  if (percent >= 0) return { error: { message: "'%' is not allowed: write a rate as a fraction (5 % is 0.05)", index: percent } };
  const mistake = writtenMistake(text);
  if (mistake) return { error: mistake };
  let tree: JsepNode;
  try {
    tree = jsep(text) as unknown as JsepNode;
  } catch (err) {
    const e = err as Error & { index?: number; description?: string };
    return { error: failedParseMistake(text) ?? { message: e.description ?? e.message, index: Number.isInteger(e.index) ? e.index! : 0 } };
  }
  let ast: FormulaNode;
  try {
    ast = number(convert(tree, text), 0);
  } catch (err) {
    return { error: err as FormulaError };
  }
  const byZero = constantDivisionByZero(ast, text);
  return byZero ? { error: byZero } : { ast };
}

/** too long, or nested too deep: where it first goes past the limit */
function sizeError(text: string): FormulaError | undefined {
  if (text.length > MAX_FORMULA_LENGTH) {
    return { message: `it is ${text.length.toLocaleString('en-US')} characters long; a formula may have at most ${MAX_FORMULA_LENGTH.toLocaleString('en-US')}`, index: MAX_FORMULA_LENGTH };
  }
  let parens = 0;
  let signs = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') parens++;
    else if (ch === ')') parens = Math.max(0, parens - 1);
    if (ch === '+' || ch === '-') signs++;
    else if (ch !== ' ') signs = 0;
    // a run of signs nests one level for each after the first
    if (parens + Math.max(0, signs - 1) > MAX_FORMULA_DEPTH) {
      return { message: `it nests more than ${MAX_FORMULA_DEPTH} levels deep (parentheses, function calls and signs)`, index: i };
    }
  }
  return undefined;
}

function fail(message: string, index: number): never {
  throw { message, index } satisfies FormulaError;
}

/** where a piece of the formula is written: the first match, else its start */
function indexOf(text: string, piece: string | RegExp): number {
  const i = typeof piece === 'string' ? text.indexOf(piece) : text.search(piece);
  return Math.max(0, i);
}

/** where the second of two expressions written side by side starts ('a b', 'a; b', 'a, b') */
function secondPart(text: string): number {
  const m = /[,;]|(?<=[\w$)\]"'])\s+(?=[\w$("'[])/.exec(text);
  if (!m) return 0;
  return m[0].trim() ? m.index : m.index + m[0].length;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** a number where one belongs: a comparison there is a mistake */
function number(node: FormulaNode, at: number): FormulaNode {
  if (isCondition(node)) fail("a comparison gives yes or no, not a number: use it as if()'s first argument, e.g. if(tenure <= 3, 500, 1000)", at);
  return node;
}

/** a condition where one belongs (if()'s first argument, && || !) */
function condition(node: FormulaNode, at: number, where: string): FormulaNode {
  if (!isCondition(node)) fail(`${where} takes a comparison (< <= > >= == !=), e.g. if(tenure <= 3, 500, 1000)`, at);
  return node;
}

function convert(n: JsepNode, text: string, inPrior = false): FormulaNode {
  const sub = (node: unknown) => convert(node as JsepNode, text, inPrior);
  switch (n.type) {
    case 'Literal': {
      const raw = String(n.raw);
      if (typeof n.value !== 'number') fail(`${raw} is not a number`, indexOf(text, raw));
      const value = R.parseDecimal(raw);
      if (!value) fail(`${raw} is not a number`, indexOf(text, raw));
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
      // the first '.' or '[' after a name or a closing bracket that is not 'rep.<column>'
      return fail("only 'rep.<column>' may use a dot", indexOf(text, /(?<!\brep)(?<=[\w$)\]]\s*)[.[](?!\d)|(?<=\brep\s*)\[/));
    }
    case 'UnaryExpression': {
      const op = String(n.operator);
      const at = indexOf(text, op);
      if (op === '!') return { kind: 'not', arg: condition(sub(n.argument), at, "'!'") };
      if (op !== '-' && op !== '+') fail(`'${op}' is not allowed; use ${ALLOWED}`, at);
      return { kind: 'unary', op, arg: number(sub(n.argument), at) };
    }
    case 'BinaryExpression': {
      const op = String(n.operator);
      const at = indexOf(text, op);
      const left = sub(n.left);
      const right = sub(n.right);
      if (op === '&&' || op === '||') return { kind: 'logic', op, left: condition(left, at, `'${op}'`), right: condition(right, at, `'${op}'`) };
      if (COMPARISONS.includes(op)) return { kind: 'compare', op: op as CompareOp, left: number(left, at), right: number(right, at) };
      if (op !== '+' && op !== '-' && op !== '*' && op !== '/') fail(`'${op}' is not allowed; use ${ALLOWED}`, at);
      return { kind: 'binary', op, left: number(left, at), right: number(right, at) };
    }
    case 'CallExpression': {
      const callee = n.callee as JsepNode;
      const name = String(callee.name);
      const call = callee.type === 'Identifier' ? indexOf(text, new RegExp(`\\b${escapeRegExp(name)}\\s*\\(`)) : indexOf(text, '(');
      if (callee.type === 'Identifier' && name === 'prior') return convertPrior(n.arguments as JsepNode[], text, call, inPrior);
      if (callee.type === 'Identifier' && name === 'if') return convertIf((n.arguments as JsepNode[]).map(sub), call);
      if (callee.type !== 'Identifier' || !(FUNCTIONS as readonly string[]).includes(name)) {
        fail(`unknown function '${callee.type === 'Identifier' ? name : '?'}'; use ${FUNCTIONS.join(', ')}, if, prior`, call);
      }
      const args = (n.arguments as JsepNode[]).map((a) => number(sub(a), call));
      const fn = name as (typeof FUNCTIONS)[number];
      if ((fn === 'min' || fn === 'max') && args.length < 2) fail(`${fn}() needs at least two arguments`, call);
      if ((fn === 'round' || fn === 'floor' || fn === 'ceil') && args.length !== 1) fail(`${fn}() takes one argument`, call);
      if (fn === 'clamp' && args.length !== 3) fail('clamp() takes a value, its lowest and its highest: clamp(x, 0, 1.5)', call);
      return { kind: 'call', fn, args };
    }
    case 'ConditionalExpression':
      return fail("'a ? b : c' is not allowed; write if(a, b, c)", indexOf(text, '?'));
    case 'Compound':
      // two expressions side by side, or more: the likeliest reason, else where the second starts
      throw failedParseMistake(text) ?? { message: 'two values stand side by side with no operator between them: join them with + - * /, or a comparison inside if()', index: secondPart(text) };
    case 'SequenceExpression':
      return fail("'(a, b)' is not allowed: a comma parts a function's arguments, e.g. max(a, b); a number is written with a '.'", indexOf(text, ','));
    case 'ArrayExpression':
      return fail(`'[' is not allowed; use ${ALLOWED}`, indexOf(text, '['));
    default:
      return fail(`this expression is not allowed; use ${ALLOWED}`, indexOf(text, /\S/));
  }
}

/** `if(condition, then, else)` */
function convertIf(args: FormulaNode[], call: number): FormulaNode {
  if (args.length !== 3) fail('if() takes a condition, the value when it holds and the value when not: if(tenure <= 3, 500, 1000)', call);
  return { kind: 'if', condition: condition(args[0], call, 'if()'), then: number(args[1], call), else: number(args[2], call) };
}

/** `prior(EXPR, PERIOD[, N])`: EXPR (measures, numbers, rep columns) over the N-th PERIOD before the current one */
function convertPrior(args: JsepNode[], text: string, call: number, inPrior: boolean): FormulaNode {
  // (the inner call is the second 'prior(' written)
  if (inPrior) fail('prior() inside prior() is not allowed: write prior(EXPR, year, 2) for two years back', call + 1 + indexOf(text.slice(call + 1), /\bprior\s*\(/));
  if (args.length < 2 || args.length > 3) fail(`prior() takes an expression, a period (${PRIOR_PERIODS.join(', ')}) and how many periods back (default 1), e.g. prior(revenue, year)`, call);
  const period = args[1];
  if (period.type !== 'Identifier' || !(PRIOR_PERIODS as readonly string[]).includes(String(period.name))) {
    fail(`prior()'s second argument is the period to look back by: ${PRIOR_PERIODS.join(', ')}`, call);
  }
  let back = 1;
  if (args.length === 3) {
    const b = args[2];
    if (b.type !== 'Literal' || typeof b.value !== 'number' || !Number.isInteger(b.value) || b.value < 1 || b.value > MAX_PRIOR_BACK) {
      fail(`prior()'s third argument is how many periods back: a whole number from 1 to ${MAX_PRIOR_BACK}`, call);
    }
    back = b.value as number;
  }
  return { kind: 'prior', arg: number(convert(args[0], text, true), call), period: String(period.name) as (typeof PRIOR_PERIODS)[number], back };
}

/** the look-backs of a formula: each prior() with the names it reads */
export function formulaPriors(node: FormulaNode, out: { period: 'month' | 'quarter' | 'year'; back: number; names: Set<string> }[] = []) {
  if (node.kind === 'prior') out.push({ period: node.period, back: node.back, names: formulaVariables(node.arg) });
  else for (const c of childrenOf(node)) formulaPriors(c, out);
  return out;
}

/** names the formula reads, for reference checks and cycle detection (`inPrior: false`: not those read over an earlier period) */
export function formulaVariables(node: FormulaNode, out: Set<string> = new Set(), inPrior = true): Set<string> {
  if (node.kind === 'variable') out.add(node.name);
  else if (node.kind !== 'prior' || inPrior) for (const c of childrenOf(node)) formulaVariables(c, out, inPrior);
  return out;
}

export function formulaColumns(node: FormulaNode, out: Set<string> = new Set()): Set<string> {
  if (node.kind === 'column') out.add(node.column);
  else for (const c of childrenOf(node)) formulaColumns(c, out);
  return out;
}
