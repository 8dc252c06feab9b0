import type { Formula } from '../formula/formula-node.js';
import { parseFormula } from '../formula/parse.js';
import * as R from '../money/rational.js';
import { Q } from '../money/rational.js';
import { clip } from '../problems/format.js';
import { problem, warning, type Path, type Problem } from '../problems/problem.js';
import { formatMonth, parseMonth, type Month } from '../time/month.js';
import { MAX_CELL_MAGNITUDE, tooLarge } from '../data/numbers.js';
import type { Band, Basis, ClientCategory, Dated, Filter, Gate, MeasureRef, Term, Tiers } from '../types.js';

type Raw = Record<string, unknown>;

/**
 * Turns schema-valid YAML values into typed, exact values. The JSON Schema
 * stage has already checked shapes; what is left here are the checks a schema
 * cannot express (exactly one of plan/measure/component), reported as problems.
 */
/** the largest magnitude a scheme's number may have, as a data cell's (MAX_CELL_MAGNITUDE) */
const MAX_VALUE = R.q(MAX_CELL_MAGNITUDE);

export class Normaliser {
  readonly problems: Problem[] = [];
  /** whose values are being read ('component 'kicker''), for messages about a term's formula */
  owner: string | undefined;

  report(p: Problem): void {
    this.problems.push(p);
  }

  /** 0.05, "5%", "5 %", "0.05" -> exact 1/20 */
  rate(raw: unknown, path: Path): Q {
    if (typeof raw === 'number') {
      // the YAML stage refuses .inf, .nan and over-long literals; this guards values built elsewhere
      if (!Number.isFinite(raw)) {
        this.report(problem('bad-value', `${raw} is not a number motiv can use`, { path, hint: 'write a finite number, like 1500 or 0.05' }));
        return R.ZERO;
      }
      return this.withinRange(R.fromNumber(raw), String(raw), path);
    }
    const text = String(raw).trim();
    const percent = text.endsWith('%');
    const parsed = R.parseDecimal(percent ? text.slice(0, -1).trim() : text);
    if (!parsed) {
      this.report(problem('bad-value', `'${text}' is not a number or percentage`, { path }));
      return R.ZERO;
    }
    return this.withinRange(percent ? R.div(parsed, R.q(100)) : parsed, text, path);
  }

  /** a value a quadrillion or more (as the data's cells): a typo, and beyond what pay can be in JSON's exact integers */
  private withinRange(x: Q, text: string, path: Path): Q {
    if (R.cmp(x, MAX_VALUE) < 0 && R.cmp(x, R.neg(MAX_VALUE)) > 0) return x;
    const [message, hint] = tooLarge(text);
    this.report(problem('bad-value', message, { path, hint }));
    return R.ZERO;
  }

  amount(raw: unknown, path: Path): Q {
    return this.rate(raw, path);
  }

  month(raw: unknown, path: Path): Month | undefined {
    if (raw === undefined) return undefined;
    const m = parseMonth(String(raw));
    if (m === undefined) this.report(problem('bad-value', `'${String(raw)}' is not a month (YYYY-MM)`, { path }));
    return m;
  }

  dated<V>(raw: unknown, path: Path, read: (v: unknown, p: Path) => V): Dated<V> {
    if (!Array.isArray(raw)) return [{ from: undefined, value: read(raw, path) }];
    const out: { from: Month | undefined; value: V }[] = [];
    raw.forEach((entry: Raw, i) => {
      const from = this.month(entry.from, [...path, i, 'from']);
      if (entry.from === undefined && i > 0) {
        this.report(problem('date-order', "only the first dated value may leave out 'from'", { path: [...path, i], hint: "give this value 'from: YYYY-MM', the month it starts" }));
      }
      const prev = out[out.length - 1];
      if (prev && from !== undefined && prev.from !== undefined && from <= prev.from) {
        this.report(
          problem('date-order', `dated values must be in order of their 'from' month, each month once: ${formatMonth(from)} comes after ${formatMonth(prev.from)}`, {
            path: [...path, i, 'from'],
            hint: "sort the list by 'from', earliest first",
          }),
        );
      }
      out.push({ from, value: read(entry.value, [...path, i, 'value']) });
    });
    return out;
  }

  /**
   * A rate of pay on an amount (a commission, upsell or override rate, a
   * tier's rate, a fine's rate). Above 100 % it is almost always 5 meant as
   * 5 %, so it is an error unless written as a percentage ('150%'); below 0 it
   * takes pay away, which a fine says better (a warning). On a rate that is
   * taken off pay (`deducted`, a fine's) the sign turns round: below 0 the
   * fine adds pay, and the warning says to write it positive.
   */
  payRate(raw: unknown, path: Path, deducted = false): Q {
    const q = this.rate(raw, path);
    const written = String(raw).trim();
    if (R.cmp(q, R.ONE) > 0 && !written.endsWith('%')) {
      const percent = R.toDecimalString(R.mul(q, R.q(100)));
      this.report(
        problem('rate-range', `rate ${clip(written)} is ${clip(percent)} %: a rate above 100 % is written as a percentage`, {
          path,
          hint: `if you meant ${clip(written)} %, write '${clip(written)}%'; if you mean ${clip(percent)} %, write '${clip(percent)}%'`,
        }),
      );
    } else if (R.sign(q) < 0 && deducted) {
      const positive = written.replace(/^-\s*/, '');
      const percent = R.toDecimalString(R.mul(R.neg(q), R.q(100)));
      this.report(
        warning('rate-range', `rate ${clip(written)} on a fine is negative: the fine then adds pay instead of taking it away`, {
          path,
          hint: `a fine's rate is written positive: ${clip(positive)} takes ${clip(percent)} % off`,
        }),
      );
    } else if (R.sign(q) < 0) {
      this.report(warning('rate-range', `rate ${clip(written)} is negative: it takes pay away`, { path, hint: 'use a fine for deductions' }));
    }
    return q;
  }

  /**
   * A term of a component: a number read by `read`, or the rep's own:
   * `{column: NAME}` (the formula `rep.NAME`) or `{formula: TEXT}`, worked
   * out for each rep and month. One code path: a column is a formula.
   */
  term(raw: unknown, path: Path, read: (v: unknown, p: Path) => Q): Term {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return read(raw, path);
    const o = raw as Raw;
    if (o.column !== undefined) {
      const column = String(o.column);
      return { text: `rep.${column}`, ast: { kind: 'column', column }, path: [...path, 'column'] };
    }
    const key = path.filter((p) => typeof p === 'string' && p !== 'value').slice(-1)[0] ?? 'term';
    return this.formula(o.formula, [...path, 'formula'], `${this.owner ?? pathText(path)} (${key})`, "write it like '0.05 * rep.ote' or '(rep.ote - rep.base) / rep.quota'") ?? R.ZERO;
  }

  /** rates of pay, dated, each a number or the rep's own; `deducted` when the rate is taken off pay (a fine's) */
  datedRate(raw: unknown, path: Path, deducted = false): Dated<Term> {
    return this.dated(raw, path, (v, p) => this.term(v, p, (x, q) => this.payRate(x, q, deducted)));
  }

  /** amounts, dated, each a number or the rep's own */
  datedAmount(raw: unknown, path: Path): Dated<Term> {
    return this.dated(raw, path, (v, p) => this.term(v, p, (x, q) => this.amount(x, q)));
  }

  /** amounts that are the scheme's alone (a plan's monthly value, the variable cap), dated */
  datedNumber(raw: unknown, path: Path): Dated<Q> {
    return this.dated(raw, path, (v, p) => this.amount(v, p));
  }

  /** a formula's text parsed, or a located problem at the character where it goes wrong ('formula of plan 'x': ...') */
  formula(raw: unknown, path: Path, whose: string, hint: string): Formula | undefined {
    const text = String(raw);
    const parsed = parseFormula(text);
    if ('ast' in parsed) return { text, ast: parsed.ast, path };
    this.report(
      problem('formula', `formula of ${whose}: ${lowerFirst(parsed.error.message)} (at character ${parsed.error.index + 1})`, {
        path,
        valueIndex: parsed.error.index,
        hint,
      }),
    );
    return undefined;
  }

  list(raw: unknown): string[] | undefined {
    if (raw === undefined) return undefined;
    return Array.isArray(raw) ? raw.map(String) : [String(raw)];
  }

  filter(raw: unknown, path: Path): Filter {
    if (raw === undefined || raw === null) return { ageSince: 'activation' };
    const f = raw as Raw;
    const age = f.age_months as { from?: number; to?: number } | undefined;
    if (age && age.to !== undefined && age.to < (age.from ?? 1)) {
      this.report(
        problem(
          'bad-value',
          age.from === undefined
            ? `age_months to ${age.to} matches no month: ages start at 1 unless 'from: 0' is written`
            : `age_months runs from ${age.from} to ${age.to}: 'to' must not be below 'from'`,
          {
            path: [...path, 'age_months'],
            hint: age.from === undefined ? "for the months before activation write 'from: 0, to: 0'" : undefined,
          },
        ),
      );
    }
    return {
      categories: this.list(f.category) as ClientCategory[] | undefined,
      segments: this.list(f.segment),
      ageMonths: age ? { from: age.from, to: age.to } : undefined,
      ageSince: (f.since as 'activation' | 'signing' | undefined) ?? 'activation',
      activities: this.list(f.activity),
      tenureMonths: this.tenureMonths(f.tenure_months, [...path, 'tenure_months']),
      path,
    };
  }

  /** months of tenure, `to` not below `from` */
  tenureMonths(raw: unknown, path: Path): { from?: number; to?: number } | undefined {
    if (raw === undefined) return undefined;
    const t = raw as { from?: number; to?: number };
    if (t.to !== undefined && t.to < (t.from ?? 1)) {
      this.report(problem('bad-value', `tenure_months runs from ${t.from ?? 1} to ${t.to}: 'to' must not be below 'from'`, { path, hint: "a rep's first month is 1: {to: 3} is his first three" }));
    }
    return { from: t.from, to: t.to };
  }

  measureRef(name: string, filterRaw: unknown, path: Path, filterPath: Path): MeasureRef {
    return { name, filter: this.filter(filterRaw, filterPath), path };
  }

  /** the object holding plan / measure / component keys */
  basis(raw: Raw, path: Path, what: string): Basis | undefined {
    const given = (['plan', 'measure', 'component'] as const).filter((k) => raw[k] !== undefined);
    if (given.length !== 1) {
      this.report(
        problem(given.length === 0 ? 'missing-key' : 'conflict', `${what} must look at exactly one of 'plan', 'measure' or 'component'`, {
          path,
          onKey: true,
          hint: given.length === 0 ? "e.g. 'plan: revenue_plan' to look at attainment" : `remove all but one of ${given.join(', ')}`,
        }),
      );
      return undefined;
    }
    if (raw.filter !== undefined && given[0] !== 'measure') {
      this.report(problem('conflict', "'filter' goes with 'measure'", { path: [...path, 'filter'], onKey: true, hint: 'filter the plan itself instead' }));
    }
    switch (given[0]) {
      case 'plan':
        return { kind: 'plan', plan: String(raw.plan), path: [...path, 'plan'] };
      case 'measure':
        return {
          kind: 'measure',
          measure: this.measureRef(String(raw.measure), raw.filter, [...path, 'measure'], [...path, 'filter']),
          path: [...path, 'measure'],
        };
      case 'component':
        return { kind: 'component', component: String(raw.component), path: [...path, 'component'] };
    }
  }

  bands(raw: Raw[], path: Path, value: 'rate' | 'factor' | 'amount'): Band[] {
    return raw.map((b, i) => {
      const p = [...path, i];
      const band: Band = {
        from: this.rate(b.from, [...p, 'from']),
        to: b.to === undefined ? undefined : this.rate(b.to, [...p, 'to']),
        path: p,
      };
      if (value === 'rate') band.rate = this.datedRate(b.rate, [...p, 'rate']);
      if (value === 'factor') band.factor = this.rate(b.factor, [...p, 'factor']);
      if (value === 'amount') band.amount = this.datedAmount(b.amount, [...p, 'amount']);
      return band;
    });
  }

  tiers(raw: Raw, path: Path): Tiers | undefined {
    const basis = this.basis(raw, path, 'tiers');
    if (!basis) return undefined;
    return {
      basis,
      mode: (raw.mode as 'marginal' | 'retroactive' | undefined) ?? 'marginal',
      bands: this.bands(raw.bands as Raw[], [...path, 'bands'], 'rate'),
      path,
    };
  }

  gate(raw: Raw | undefined, path: Path): Gate | undefined {
    if (!raw) return undefined;
    const basis = this.basis(raw, path, 'a gate');
    if (!basis) return undefined;
    if (raw.min === undefined && raw.below === undefined) {
      this.report(problem('missing-key', "a gate needs 'min' (or 'below')", { path, onKey: true, hint: "e.g. 'min: 80%'" }));
    }
    return {
      basis,
      min: raw.min === undefined ? undefined : this.rate(raw.min, [...path, 'min']),
      below: raw.below === undefined ? undefined : this.rate(raw.below, [...path, 'below']),
      path,
    };
  }
}

/** the value in force in month m (the last entry whose `from` is not after m) */
export function valueAt<V>(d: Dated<V>, m: Month): V | undefined {
  let found: V | undefined;
  for (const entry of d) {
    if (entry.from === undefined || entry.from <= m) found = entry.value;
    else break;
  }
  return found;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** components[2].rate -> 'components[2].rate', for a message */
function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('');
}
