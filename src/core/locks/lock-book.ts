import { problem, type Problem } from '../problems/problem.js';
import { locate, readYaml, withoutPath } from '../yaml/source.js';
import { jsonSyntaxError } from './json-syntax.js';
import { formatMonth, parseMonth, type Month } from '../time/month.js';
import { fromMinor, minorJson, toMinor } from '../money/rational.js';
import type { Explain, Line, LineKind, Q, Scheme } from '../types.js';

/**
 * A locked period's figures, as they were paid, and what they were paid on.
 * Money is in minor units (integers: cents for EUR), as payout's JSON prints
 * `amount_minor`, so a locked figure is read back to the cent.
 */
export interface LockedLine {
  component: string;
  type: string;
  kind: LineKind;
  period: string;
  amountMinor: bigint;
  variable: boolean;
  target?: string;
  explain?: Explain;
}

/** a paid line as a lock keeps it: its amount in minor units */
export function lockedLine(l: Line<Q>, digits: number): LockedLine {
  const { amount, ...rest } = l;
  return { ...rest, amountMinor: toMinor(amount, digits, 'half-up') };
}

/** a locked line paid again: its amount exact from the minor units */
export function paidLine(l: LockedLine, digits: number): Line<Q> {
  const { amountMinor, ...rest } = l;
  return { ...rest, amount: fromMinor(amountMinor, digits) };
}

export interface LockedRep {
  id: string;
  totalMinor: bigint;
  variableMinor: bigint;
  /** ids of the period's transactions that could move his pay (transactionReach); absent in a lock written before they were kept */
  transactions?: string[];
  lines: LockedLine[];
}

/** what the locked pay was computed on: digests of the scheme's text and the data's files, and the ids of the period's transactions */
export interface LockInputs {
  schemeSha256: string;
  dataSha256: string;
  /** ids of the transactions dated in the period */
  transactions: string[];
}

export interface PeriodLock {
  month: Month;
  inputs: LockInputs;
  reps: LockedRep[];
}

/** every lock of one scheme's payouts, by month */
export interface LockBook {
  scheme: string;
  currency: string;
  minorDigits: number;
  locks: PeriodLock[];
}

export const LOCKS_FORMAT = 'motiv-locks';

export function emptyLockBook(scheme: Pick<Scheme, 'name' | 'currency' | 'minorDigits'>): LockBook {
  return { scheme: scheme.name, currency: scheme.currency, minorDigits: scheme.minorDigits, locks: [] };
}

export function lockOf(book: LockBook, month: Month): PeriodLock | undefined {
  return book.locks.find((l) => l.month === month);
}

/** the book with this lock added, or put in place of the month's earlier one; months in order */
export function withLock(book: LockBook, lock: PeriodLock): LockBook {
  return { ...book, locks: [...book.locks.filter((l) => l.month !== lock.month), lock].sort((a, b) => a.month - b.month) };
}

/** the book without the lock of this month (a month locked again is paid afresh first) */
export function withoutLock(book: LockBook, month: Month): LockBook {
  return { ...book, locks: book.locks.filter((l) => l.month !== month) };
}

/** the lock file's text: JSON, money as integers of minor units */
export function lockBookJson(book: LockBook): string {
  const doc = {
    format: LOCKS_FORMAT,
    version: 1,
    scheme: book.scheme,
    currency: book.currency,
    minor_units: book.minorDigits,
    locks: book.locks.map((l) => ({
      period: formatMonth(l.month),
      inputs: { scheme_sha256: l.inputs.schemeSha256, data_sha256: l.inputs.dataSha256, transactions: l.inputs.transactions },
      reps: l.reps.map((r) => ({
        id: r.id,
        total_minor: minorJson(r.totalMinor),
        variable_minor: minorJson(r.variableMinor),
        ...(r.transactions ? { transactions: r.transactions } : {}),
        lines: r.lines.map((x) => ({
          component: x.component,
          type: x.type,
          kind: x.kind,
          period: x.period,
          amount_minor: minorJson(x.amountMinor),
          variable: x.variable,
          ...(x.target !== undefined ? { target: x.target } : {}),
          ...(x.explain ? { explain: x.explain } : {}),
        })),
      })),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}


const KINDS: readonly LineKind[] = ['pay', 'adjustment', 'clawback', 'cap', 'draw'];

/**
 * Read a lock file's text for this scheme: a located problem (the file and
 * the JSON path) for text that is not a lock file or was written for another
 * scheme, currency or number of minor units.
 */
export function readLockBook(text: string, file: string, scheme: Scheme): { book?: LockBook; problems: Problem[] } {
  const read = readLockBookAt(text, file, scheme);
  return read.problems.length ? { ...read, problems: placed(text, file, read.problems) } : read;
}

const HINT = `the lock file is written by 'motiv payout --lock'; restore it from git, or remove it to pay without locks`;

/** readLockBook, its problems carrying a path in the JSON (or a line and column, where it does not parse) */
function readLockBookAt(text: string, file: string, scheme: Scheme): { book?: LockBook; problems: Problem[] } {
  const bad = (message: string, path: (string | number)[] = []) => ({
    problems: [problem('lock-invalid', message, { file, path, hint: HINT })],
  });
  let doc: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    doc = JSON.parse(json);
  } catch (err) {
    const { message, ...at } = syntaxError(json, err as Error);
    return { problems: [problem('lock-invalid', `not a lock file: the JSON does not parse (${message})`, { file, ...at, hint: HINT })] };
  }
  if (!isObject(doc) || doc.format !== LOCKS_FORMAT) return bad(`not a lock file: expected a JSON object with "format": "${LOCKS_FORMAT}"`, ['format']);
  if (doc.version !== 1) return bad(`lock file version ${JSON.stringify(doc.version)} is not known; this motiv reads version 1`, ['version']);
  // (QA: a damaged file without them read "written for currency undefined")
  const missing = ['scheme', 'currency', 'minor_units'].filter((key) => doc[key] === undefined);
  if (missing.length) return bad(`not a whole lock file: ${missing.map((k) => `"${k}"`).join(', ')} missing`, [missing[0]]);
  const mismatch = (what: string, found: unknown, expected: string | number, key: string) =>
    problem('lock-mismatch', `the lock file was written for ${what} ${JSON.stringify(found)}, but the scheme is ${JSON.stringify(expected)}`, {
      file,
      path: [key],
      hint: `give the locks of this scheme with --locks FILE; each scheme paid on a dataset keeps its own lock file`,
    });
  const mismatches = [
    doc.scheme !== scheme.name ? mismatch('scheme', doc.scheme, scheme.name, 'scheme') : undefined,
    doc.currency !== scheme.currency ? mismatch('currency', doc.currency, scheme.currency, 'currency') : undefined,
    doc.minor_units !== scheme.minorDigits ? mismatch('minor units', doc.minor_units, scheme.minorDigits, 'minor_units') : undefined,
  ].filter((p): p is Problem => p !== undefined);
  if (mismatches.length) return { problems: mismatches };
  if (!Array.isArray(doc.locks)) return bad('"locks" must be a list of locked periods', ['locks']);
  const locks: PeriodLock[] = [];
  for (const [i, raw] of doc.locks.entries()) {
    const at = ['locks', i];
    if (!isObject(raw)) return bad(`lock #${i + 1}: a lock must be an object with period, inputs and reps`, at);
    const month = typeof raw.period === 'string' ? parseMonth(raw.period) : undefined;
    if (month === undefined) return bad(`lock #${i + 1}: period must be a month YYYY-MM, not ${JSON.stringify(raw.period)}`, [...at, 'period']);
    if (locks.some((l) => l.month === month)) return bad(`period ${raw.period} is locked twice`, [...at, 'period']);
    // (QA: 'total_minor 96726 is not the sum of the lines' named no month and no rep)
    const inLock = `locked ${formatMonth(month)}`;
    const inputs = raw.inputs;
    if (!isObject(inputs) || typeof inputs.scheme_sha256 !== 'string' || typeof inputs.data_sha256 !== 'string' || !isStringList(inputs.transactions)) {
      return bad(`${inLock}: inputs must have scheme_sha256, data_sha256 and transactions (a list of ids)`, [...at, 'inputs']);
    }
    if (!Array.isArray(raw.reps)) return bad(`${inLock}: reps must be a list`, [...at, 'reps']);
    const reps: LockedRep[] = [];
    for (const [j, rep] of raw.reps.entries()) {
      const rat = [...at, 'reps', j];
      if (!isObject(rep) || typeof rep.id !== 'string' || !Array.isArray(rep.lines)) return bad(`${inLock}, rep #${j + 1}: a locked rep must have an id and lines`, rat);
      const inRep = `${inLock}, rep ${rep.id}`;
      const total = minorOf(rep.total_minor);
      const variable = minorOf(rep.variable_minor);
      if (total === undefined) return bad(`${inRep}: total_minor must be an integer of minor units`, [...rat, 'total_minor']);
      if (variable === undefined) return bad(`${inRep}: variable_minor must be an integer of minor units`, [...rat, 'variable_minor']);
      if (rep.transactions !== undefined && !isStringList(rep.transactions)) return bad(`${inRep}: transactions must be a list of ids`, [...rat, 'transactions']);
      const lines: LockedLine[] = [];
      for (const [k, line] of rep.lines.entries()) {
        const lat = [...rat, 'lines', k];
        const inLine = `${inRep}, line ${k + 1}${isObject(line) && typeof line.component === 'string' ? ` (${line.component})` : ''}`;
        const amount = isObject(line) ? minorOf(line.amount_minor) : undefined;
        if (!isObject(line) || typeof line.component !== 'string' || typeof line.type !== 'string' || typeof line.period !== 'string' || typeof line.variable !== 'boolean') {
          return bad(`${inLine}: a locked line must have component, type, kind, period, amount_minor and variable`, lat);
        }
        if (!KINDS.includes(line.kind as LineKind)) return bad(`${inLine}: kind must be one of ${KINDS.join(', ')}, not ${JSON.stringify(line.kind)}`, [...lat, 'kind']);
        if (amount === undefined) return bad(`${inLine}: amount_minor must be an integer of minor units`, [...lat, 'amount_minor']);
        lines.push({
          component: line.component,
          type: line.type,
          kind: line.kind as LineKind,
          period: line.period,
          amountMinor: amount,
          variable: line.variable,
          ...(typeof line.target === 'string' ? { target: line.target } : {}),
          ...(isObject(line.explain) ? { explain: line.explain as unknown as Explain } : {}),
        });
      }
      const sum = lines.reduce((s, l) => s + l.amountMinor, 0n);
      if (sum !== total) return bad(`${inRep}: total_minor ${total} is not the sum of his lines (${sum}): the file was edited`, [...rat, 'total_minor']);
      reps.push({ id: rep.id, totalMinor: total, variableMinor: variable, ...(rep.transactions !== undefined ? { transactions: rep.transactions as string[] } : {}), lines });
    }
    locks.push({ month, inputs: { schemeSha256: inputs.scheme_sha256, dataSha256: inputs.data_sha256, transactions: inputs.transactions }, reps });
  }
  return { book: { scheme: scheme.name, currency: scheme.currency, minorDigits: scheme.minorDigits, locks: locks.sort((a, b) => a.month - b.month) }, problems: [] };
}

/**
 * Problems given a line and column: the lock file is JSON, which the YAML
 * reader reads with source positions, so a problem's path is placed as a
 * scheme's are. Only once there is a problem (a lock file can be large).
 */
function placed(text: string, file: string, problems: Problem[]): Problem[] {
  const unplaced = problems.filter((p) => p.line === undefined && p.path !== undefined);
  if (unplaced.length === 0) return problems;
  const src = readYaml(file, text);
  if (src.problems.length > 0 || src.value === undefined) return problems.map(withoutPath);
  return problems.map((p) => (p.line === undefined && p.path !== undefined ? withoutPath({ ...p, ...locate(src, p.path) }) : p));
}

/** where and why the text is not JSON, as a line and column (JSON.parse on Node 20 gives no position for many errors) */
function syntaxError(text: string, err: Error): { message: string; line?: number; column?: number } {
  const found = jsonSyntaxError(text);
  if (found === undefined) return { message: err.message };
  const before = text.slice(0, found.offset);
  return { message: found.message, line: before.split('\n').length, column: found.offset - before.lastIndexOf('\n') };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isStringList(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}

function minorOf(x: unknown): bigint | undefined {
  if (typeof x === 'number' && Number.isSafeInteger(x)) return BigInt(x);
  if (typeof x === 'string' && /^-?\d{1,40}$/.test(x)) return BigInt(x);
  return undefined;
}
