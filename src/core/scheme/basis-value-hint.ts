import { MEASURES } from '../measures/registry.js';
import * as R from '../money/rational.js';
import { problem, warning, type Path, type Problem } from '../problems/problem.js';
import { Rate } from './schema-parts.js';

type Raw = Record<string, unknown>;

/**
 * A value compared with a basis (a gate's min or below, a bonus's
 * threshold, a band's from or to) is in the basis's unit: attainment is a
 * fraction or a percentage, but a gate on new_clients takes a number of
 * clients and a threshold on gross_profit an amount of money. The shape
 * check knows only that such a value is written like a rate; where it finds
 * one written wrong, the hint says what that basis takes instead.
 */
export function inBasisUnits(problems: Problem[], scheme: unknown): Problem[] {
  return problems.map((p) => {
    if (p.hint !== Rate.hint || p.path === undefined) return p;
    const hint = basisValueHint(scheme, p.path);
    return hint ? { ...p, hint } : p;
  });
}

/** the words for the value at `path` when it is compared with a basis, else undefined */
export function basisValueHint(scheme: unknown, path: Path): string | undefined {
  return basisAt(scheme, path)?.takes;
}

/** what a value compared with a basis is measured in: 'share' (a plan's attainment, a ratio) takes a percentage, the others do not */
type BasisUnit = 'share' | 'count' | 'money' | 'hours';

interface BasisOfValue {
  unit: BasisUnit;
  /** the basis, as the subject of a sentence: "'new_clients'", "the pay of component 'b'" */
  name: string;
  /** what the basis takes, as a hint */
  takes: string;
  /** a value it takes, in words: "a number, like 4" */
  example: string;
  /** the key naming it: plan, measure or component */
  key: 'plan' | 'measure' | 'component';
}

/** the basis the value at `path` is compared with, else undefined (not such a value, or an unknown measure) */
function basisAt(scheme: unknown, path: Path): BasisOfValue | undefined {
  const holder = valueAt(scheme, basisHolderPath(path));
  if (!holder || typeof holder !== 'object' || Array.isArray(holder)) return undefined;
  const h = holder as Raw;
  const currency = typeof (scheme as Raw | null)?.currency === 'string' ? `in ${String((scheme as Raw).currency)}` : "in the scheme's currency";
  const basis = (unit: BasisUnit, key: BasisOfValue['key'], name: string, what: string, example: string): BasisOfValue => ({ unit, key, name, takes: `${what}: ${example}`, example });
  if (typeof h.plan === 'string') return basis('share', 'plan', `plan '${h.plan}'`, `attainment of plan '${h.plan}'`, 'a fraction like 0.8 or a percentage like "80%"');
  if (typeof h.component === 'string') return basis('money', 'component', `the pay of component '${h.component}'`, `the pay of component '${h.component}'`, `an amount ${currency}, like 500`);
  if (typeof h.measure !== 'string') return undefined;
  const name = h.measure;
  switch (MEASURES.get(name)?.kind) {
    case 'count':
      // (a count credited by shares may be fractional: 2.5 signings split half and half)
      return basis('count', 'measure', `'${name}'`, `'${name}' is a count`, 'a number, like 4');
    case 'money':
      return basis('money', 'measure', `'${name}'`, `'${name}' is money`, `an amount ${currency}, like 70000`);
    case 'hours':
      return basis('hours', 'measure', `'${name}'`, `'${name}' is hours`, 'a number of hours, like 120');
    case 'ratio':
      return basis('share', 'measure', `'${name}'`, `'${name}' is a ratio`, 'a fraction like 0.8 or a percentage like "80%"');
    default:
      return undefined;
  }
}

const UNIT_WORDS: Record<Exclude<BasisUnit, 'share'>, string> = { count: 'a count', money: 'money', hours: 'hours' };

/**
 * A threshold, gate bound or band bound written as a percentage ('5%') where
 * its basis is a count, money or hours: the shape check lets it through (it is
 * written like a rate), but it reads as a fraction of one unit: `threshold:
 * 5%` on new_clients pays at the first signing, `to: 100%` on gross_profit is
 * 1 EUR. A percentage is a share, right only of a plan's attainment or a
 * ratio. An error, located at the value; `0%` (0 either way) a warning.
 */
export function percentOffShare(scheme: unknown): Problem[] {
  const out: Problem[] = [];
  eachScalar(scheme, [], (value, path) => {
    if (typeof value !== 'string' || !value.trim().endsWith('%')) return;
    const basis = basisAt(scheme, path);
    if (!basis || basis.unit === 'share') return;
    const number = value.trim().slice(0, -1).trim();
    const x = R.parseDecimal(number);
    if (!x) return;
    const reads = R.toDecimalString(R.div(x, R.q(100)));
    const message = `${valueWords(path)} ${value.trim()} reads as ${reads}: a percentage is a share, and ${basis.name} is ${UNIT_WORDS[basis.unit]}`;
    const hint = `write ${basis.example}: if you mean ${number}, write ${number}; a share of plan is compared with 'plan: NAME' in place of '${basis.key}'`;
    out.push(R.sign(x) === 0 ? warning('bad-value', message, { path, hint }) : problem('bad-value', message, { path, hint }));
  });
  return out;
}

/** each value of the scheme's text that is no list or mapping, with its path */
function eachScalar(value: unknown, path: Path, visit: (value: unknown, path: Path) => void): void {
  if (Array.isArray(value)) return value.forEach((v, i) => eachScalar(v, [...path, i], visit));
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Raw)) eachScalar(v, [...path, k], visit);
    return;
  }
  visit(value, path);
}

/**
 * A threshold, gate bound or band bound below 0 on a plan's attainment,
 * which is never below 0 where what it measures is not: met always, or a
 * band from it the same as one from 0 (QA: 'threshold: -5%' paid a plan
 * bonus on no sales at all, and nothing said so). A warning at the value:
 * a measure that can be negative (profit after refunds) makes it mean
 * something.
 */
export function belowNothing(scheme: unknown): Problem[] {
  const out: Problem[] = [];
  eachScalar(scheme, [], (value, path) => {
    const last = path[path.length - 1];
    if (last !== 'threshold' && last !== 'min' && last !== 'below' && last !== 'from' && last !== 'to') return;
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
    const x = text === undefined ? undefined : R.parseDecimal(text.endsWith('%') ? text.slice(0, -1).trim() : text);
    if (!x || R.sign(x) >= 0 || basisAt(scheme, path)?.key !== 'plan') return;
    out.push(
      warning('bad-value', `${valueWords(path)} ${text} is below 0 % of plan, which attainment reaches with no sales at all: ${last === 'below' ? 'never met' : 'met always'} where what the plan measures is not negative`, {
        path,
        hint: 'a share of plan is written like 80% or 0.8; to pay from the first sale, write 0%',
      }),
    );
  });
  return out;
}

/** 'threshold', 'gate min', 'band from', as the rate-range warnings name them */
function valueWords(path: Path): string {
  const last = path[path.length - 1];
  if (last === 'min' || last === 'below') return `gate ${last}`;
  if (last === 'from' || last === 'to') return `band ${last}`;
  return String(last);
}

/** where the plan, measure or component a value is compared with is written: beside a gate's min, a bonus's threshold, or a band list */
function basisHolderPath(path: Path): Path {
  const last = path[path.length - 1];
  if ((last === 'from' || last === 'to') && path[path.length - 3] === 'bands' && typeof path[path.length - 2] === 'number') return path.slice(0, -3);
  if ((last === 'min' || last === 'below') && path[path.length - 2] === 'gate') return path.slice(0, -1);
  if (last === 'threshold') return path.slice(0, -1);
  return [];
}

function valueAt(value: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  let v = value;
  for (const seg of path) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}
