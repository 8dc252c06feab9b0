import * as R from '../money/rational.js';

/** how finely a value may be swept, and how many points a sweep may play */
export const SWEEP_LIMITS = {
  /** points along one value when --vary gives no :STEPS */
  defaultSteps: 5,
  minSteps: 2,
  maxSteps: 50,
  /** the grid of every varied value: points × runs is what the sweep costs */
  maxPoints: 100,
  /** values varied at once */
  maxVaried: 2,
  /** decimals a grid value is rounded to (an even grid of 0..1 in 3 steps has thirds) */
  digits: 10,
} as const;

/** one scheme value varied over an even grid: `--vary PATH=FROM..TO[:STEPS]` */
export interface Vary {
  /** the dotted path as given, e.g. components.maintenance.rate */
  path: string;
  /** its segments: a mapping key, a list index, or the id (or name) of a list item */
  segments: string[];
  from: R.Q;
  to: R.Q;
  steps: number;
  /** the bounds were written as percentages: the values are written so in the scheme, and shown so */
  percent: boolean;
  /** the grid, FROM first and TO last, each rounded to SWEEP_LIMITS.digits decimals */
  values: R.Q[];
}

const SYNTAX = 'PATH=FROM..TO[:STEPS], e.g. components.maintenance.rate=0.5%..10%:6';
const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** a bound: a plain decimal, or a percentage ('5%', '0.5 %') */
function bound(text: string): { value: R.Q; percent: boolean } | undefined {
  const t = text.trim();
  const percent = t.endsWith('%');
  const value = R.parseDecimal(percent ? t.slice(0, -1) : t);
  if (!value) return undefined;
  return { value: percent ? R.div(value, R.q(100)) : value, percent };
}

/** the even grid from `from` to `to` in `steps` points, each rounded to `digits` decimals (the ends exact) */
export function grid(from: R.Q, to: R.Q, steps: number, digits: number = SWEEP_LIMITS.digits): R.Q[] {
  const span = R.sub(to, from);
  return Array.from({ length: steps }, (_, k) => {
    if (k === 0) return from;
    if (k === steps - 1) return to;
    return R.roundTo(R.add(from, R.div(R.mul(span, R.q(k)), R.q(steps - 1))), digits, 'half-even');
  });
}

/**
 * Read one --vary. A string is what is wrong with it, worded for the
 * command line (the CLI makes it a usage error).
 */
export function parseVary(text: string): Vary | string {
  const eq = text.indexOf('=');
  if (eq <= 0) return `--vary must be ${SYNTAX}; not '${text}'`;
  const path = text.slice(0, eq).trim();
  const segments = path.split('.');
  const bad = segments.find((s) => !SEGMENT.test(s));
  if (bad !== undefined) return `--vary: '${path}' is not a dotted path of keys, list indices or ids (a part is '${bad}'); e.g. components.maintenance.rate`;
  const range = text.slice(eq + 1);
  const m = /^(.+?)\.\.(.+?)(?::(.*))?$/.exec(range.trim());
  if (!m) return `--vary ${path}: the range must be FROM..TO[:STEPS], e.g. 0.5%..10%:6; not '${range}'`;
  const lo = bound(m[1]);
  const hi = bound(m[2]);
  if (!lo || !hi) return `--vary ${path}: ${!lo ? `'${m[1]}'` : `'${m[2]}'`} is not a number; write a decimal (0.05) or a percentage (5%)`;
  if (lo.percent !== hi.percent) return `--vary ${path}: write both bounds the same way, both as percentages (0.5%..10%) or both as decimals (0.005..0.1)`;
  if (R.eq(lo.value, hi.value)) return `--vary ${path}: FROM and TO are the same value; give two different bounds`;
  let steps: number = SWEEP_LIMITS.defaultSteps;
  if (m[3] !== undefined) {
    steps = Number(m[3]);
    if (!/^\d+$/.test(m[3].trim()) || steps < SWEEP_LIMITS.minSteps || steps > SWEEP_LIMITS.maxSteps) {
      return `--vary ${path}: STEPS is the number of points, a whole number from ${SWEEP_LIMITS.minSteps} to ${SWEEP_LIMITS.maxSteps}; not '${m[3]}'`;
    }
  }
  return { path, segments, from: lo.value, to: hi.value, steps, percent: lo.percent, values: grid(lo.value, hi.value, steps) };
}

/** a grid value as a person reads it: '2.4 %' for a percentage, else the decimal */
export function valueLabel(v: R.Q, percent: boolean): string {
  return percent ? `${R.toDecimalString(R.mul(v, R.q(100)), SWEEP_LIMITS.digits)} %` : R.toDecimalString(v, SWEEP_LIMITS.digits);
}
