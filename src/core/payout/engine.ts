import type { BasisValue, ComponentType, Draft, PayContext } from '../components/component.js';
import { componentType } from '../components/registry.js';
import { describeFilter } from '../components/describe.js';
import type { Arith } from '../money/arith.js';
import { MEASURES } from '../measures/registry.js';
import type { MeasureInput } from '../measures/measure.js';
import type { Problem } from '../problems/problem.js';
import { parseNumberCell as parseCell } from '../data/numbers.js';
import { evaluationOrder } from '../scheme/rules/cycles.js';
import { valueAt } from '../scheme/normaliser.js';
import { firstDay, formatMonth, lastDay, monthOfDay, type Month } from '../time/month.js';
import { formatPeriod, isPeriodEnd, periodOf, type Period } from '../time/period.js';
import type { Basis, ComponentSpec, Dataset, Filter, Line, PayoutResult, Q, Rep, RepMonth, Scheme } from '../types.js';
import { makeFormatter } from './format.js';
import { ageAt, buildLedger, type RepLedger } from './ledger.js';
import { PlanBook } from './plans.js';

export interface PayoutOptions<T> {
  A: Arith<T>;
  /** first month reported */
  from: Month;
  /** last month reported */
  to: Month;
  explain: boolean;
  /** months before `from` are computed too (clawbacks, draws, quarters need history) from here */
  historyFrom?: Month;
}

const filterKeys = new WeakMap<Filter, string>();
function filterKey(f: Filter): string {
  let k = filterKeys.get(f);
  if (k === undefined) {
    k = JSON.stringify([f.categories, f.segments, f.ageMonths, f.ageSince, f.activities]);
    filterKeys.set(f, k);
  }
  return k;
}

interface Prepared {
  component: ComponentSpec;
  type: ComponentType<unknown>;
}

/**
 * Pay every rep for every month in range, line by line, by the scheme's rules.
 * Pure: data in, lines out. The same function pays simulated reps (float
 * arithmetic, no audit trail) and real ones (exact, with --explain).
 */
export function computePayout<T>(scheme: Scheme, data: Dataset<T>, opts: PayoutOptions<T>): PayoutResult<T> {
  const { A } = opts;
  const ledger = buildLedger(scheme, data, A);
  const problems: Problem[] = [...ledger.problems];
  const order = evaluationOrder(scheme);
  const byId = new Map(scheme.components.map((c) => [c.id, c]));
  const prepared: Prepared[] = order.map((id) => ({ component: byId.get(id)!, type: componentType(byId.get(id)!.type)! }));
  const main = prepared.filter((p) => !p.type.final);
  const final = prepared.filter((p) => p.type.final);

  const children = new Map<string, Rep[]>();
  for (const r of data.reps) if (r.manager !== undefined) children.set(r.manager, [...(children.get(r.manager) ?? []), r]);

  const measureCache = new Map<string, T>();
  const measureFor = (repLedger: RepLedger<T>, ref: { name: string; filter: Filter }, period: Period): T => {
    const key = `${repLedger.rep.id}|${ref.name}|${filterKey(ref.filter)}|${period.start}|${period.end}`;
    let v = measureCache.get(key);
    if (v === undefined) {
      const m = MEASURES.get(ref.name);
      v = m ? m.compute({ A, rep: repLedger, ledger }, ref.filter, period) : A.zero;
      measureCache.set(key, v);
    }
    return v;
  };
  const noFilter: Filter = { ageSince: 'activation' };
  const plans = new PlanBook<T>(scheme, data, A, (rep, name, m) => measureFor(ledger.reps.get(rep.id)!, { name, filter: noFilter }, { kind: 'month', start: m, end: m }));

  const dataFrom = historyStart(data);
  const first = Math.min(opts.historyFrom ?? dataFrom ?? opts.from, opts.from);
  const rows: RepMonth<T>[] = [];
  const fmt = makeFormatter(A, scheme.minorDigits);
  // a cap is the most paid: written with more decimals than the currency has, it holds at the minor unit below
  const capLimit = (cap: Q): T => A.round(A.of(cap), scheme.minorDigits, 'down');
  const lostByMonth = new Map<Month, string[]>();
  for (const c of data.clients) {
    if (c.lost === undefined) continue;
    const m = monthOfDay(c.lost);
    lostByMonth.set(m, [...(lostByMonth.get(m) ?? []), c.id]);
  }

  for (const rep of data.reps) {
    const repLedger = ledger.reps.get(rep.id)!;
    const startMonth = rep.start === undefined ? first : Math.max(first, monthOfDay(rep.start));
    const endMonth = rep.end === undefined ? opts.to : Math.min(opts.to, monthOfDay(rep.end));
    const history: Line<T>[][] = [];
    const historyMonths: Month[] = [];
    const states = new Map<string, unknown>();
    /** component -> client -> amount earned, for clawbacks */
    const earned = new Map<string, Map<string, T>>();

    for (let month = startMonth; month <= endMonth; month++) {
      const lines: Line<T>[] = [];
      /** component -> client -> part of this month's lines, for adjustments of clawed-back components */
      const earnedThisMonth = new Map<string, Map<string, T>>();
      const attribute = (component: string, client: string, part: T) => {
        for (const book of [earned, earnedThisMonth]) {
          let mine = book.get(component);
          if (!mine) book.set(component, (mine = new Map()));
          mine.set(client, A.add(mine.get(client) ?? A.zero, part));
        }
      };
      const lastEmployedMonth = month === endMonth && rep.end !== undefined && monthOfDay(rep.end) === month;
      const linesInPeriod = (period: Period): Line<T>[] => {
        const out: Line<T>[] = [];
        historyMonths.forEach((m, i) => {
          if (m >= period.start && m <= period.end) out.push(...history[i]);
        });
        out.push(...lines);
        return out;
      };

      const makeContext = (component: ComponentSpec, period: Period): PayContext<T> => {
        const periodLabel = formatPeriod(period, scheme.fiscalYearStart);
        const ctx: PayContext<T> = {
          A,
          scheme,
          rep,
          month,
          period,
          periodLabel,
          explain: opts.explain,
          value: (d) => valueAt(d, month),
          measure: (ref, p = period) => measureFor(repLedger, ref, p),
          measureByClient: (ref, p = period) => {
            const m = MEASURES.get(ref.name);
            return m?.byClient ? m.byClient({ A, rep: repLedger, ledger } as MeasureInput<T>, ref.filter, p) : new Map();
          },
          clientTotal: (client, measure, m) => {
            const t = ledger.clientTotals.get(client)?.get(m);
            return t ? (measure === 'revenue' ? t.revenue : t.grossProfit) : A.zero;
          },
          clientColumn: (client, column) => {
            const text = ledger.clients.get(client)?.columns[column];
            const q = text === undefined ? undefined : parseCell(text);
            return q === undefined ? undefined : A.of(q);
          },
          dataFrom,
          clientAgeAt: (client, m) => {
            const c = ledger.clients.get(client);
            if (!c) return undefined;
            const age = ageAt(c, m, 'activation');
            return age === 0 ? undefined : age;
          },
          basis: (b, p = period) => basisValue(b, p, ctx),
          plan: (name, p = period) => plans.period(rep, scheme.plans.get(name)!, p),
          linesOf: (id) => lines.filter((l) => l.component === id),
          adjustmentsOf: (id) => lines.filter((l) => l.target === id),
          variableInPeriod: (p) => {
            let acc = A.zero;
            for (const l of linesInPeriod(p)) if (l.variable) acc = A.add(acc, l.amount);
            return acc;
          },
          team: (scope) => teamOf(rep.id, scope, children),
          teamMeasure: (members, ref, p = period) => {
            let acc = A.zero;
            for (const m of members) acc = A.add(acc, measureFor(ledger.reps.get(m.id)!, ref, p));
            return acc;
          },
          employment: (p = period) => {
            // a leaver's period is cut at his last month, but he is paid his share of the whole period's days
            const whole = periodOf(p.kind, p.start, scheme.fiscalYearStart);
            const from = Math.max(firstDay(whole.start), rep.start ?? -Infinity);
            const to = Math.min(lastDay(p.end), rep.end ?? Infinity);
            return { days: Math.max(0, to - from + 1), total: lastDay(whole.end) - firstDay(whole.start) + 1 };
          },
          state: <V>(init: () => V): V => {
            if (!states.has(component.id)) states.set(component.id, init());
            return states.get(component.id) as V;
          },
          fmt,
        };
        return ctx;
      };

      const basisValue = (b: Basis, p: Period, ctx: PayContext<T>): BasisValue<T> => {
        const label = formatPeriod(p, scheme.fiscalYearStart);
        if (b.kind === 'plan') {
          const plan = scheme.plans.get(b.plan)!;
          const planned = plans.period(rep, plan, p);
          const actual = measureFor(repLedger, plan.measure, p);
          const value = A.sign(planned) > 0 ? A.div(actual, planned) : A.zero;
          const kind = MEASURES.get(plan.measure.name)?.kind ?? 'money';
          const show = (x: T) => fmt.value(x, kind === 'ratio' ? 'count' : kind);
          return {
            value,
            unit: 'ratio',
            text: ctx.explain
              ? `attainment of ${b.plan} (${plan.measure.name}) ${label}: ${show(actual)} / ${show(planned)} = ${A.sign(planned) > 0 ? fmt.pct(value) : '0 % (no plan)'}`
              : '',
          };
        }
        if (b.kind === 'measure') {
          const value = measureFor(repLedger, b.measure, p);
          const kind = MEASURES.get(b.measure.name)?.kind ?? 'count';
          const filter = describeFilter(b.measure.filter);
          return { value, unit: kind, text: ctx.explain ? `${b.measure.name}${filter ? ` (${filter})` : ''} ${label} = ${fmt.value(value, kind)}` : '' };
        }
        let value = A.zero;
        for (const l of linesInPeriod(p)) if (l.component === b.component) value = A.add(value, l.amount);
        return { value, unit: 'money', text: ctx.explain ? `${b.component} ${label} = ${fmt.money(value)}` : '' };
      };

      const runComponent = ({ component: c, type }: Prepared) => {
        if (c.roles && (rep.role === undefined || !c.roles.includes(rep.role))) return;
        const periodEnd = isPeriodEnd(c.period, month, scheme.fiscalYearStart);
        if (!periodEnd && !lastEmployedMonth) return;
        const period = periodOf(c.period, month, scheme.fiscalYearStart);
        if (lastEmployedMonth && !periodEnd) period.end = month;
        // a component in force for part of a period pays at the period's end, on the months it was in force
        if (c.from !== undefined) period.start = Math.max(period.start, c.from);
        if (c.to !== undefined) period.end = Math.min(period.end, c.to);
        if (period.start > period.end) return;
        const ctx = makeContext(c, period);

        let gateNote: string | undefined;
        if (c.gate) {
          const g = basisValue(c.gate.basis, period, ctx);
          const open =
            (c.gate.min === undefined || A.cmp(g.value, A.of(c.gate.min)) >= 0) && (c.gate.below === undefined || A.cmp(g.value, A.of(c.gate.below)) < 0);
          if (!open) {
            if (opts.explain) {
              const need = [c.gate.min !== undefined ? `at least ${fmt.q(c.gate.min, g.unit)}` : '', c.gate.below !== undefined ? `below ${fmt.q(c.gate.below, g.unit)}` : '']
                .filter(Boolean)
                .join(' and ');
              lines.push({
                component: c.id,
                type: c.type,
                kind: 'pay',
                period: ctx.periodLabel,
                amount: A.zero,
                variable: c.variable,
                explain: { rule: c.label ?? `${c.type} ${c.id}`, basis: g.text, arithmetic: '0', notes: [`gate shut: needs ${need}`] },
              });
            }
            return;
          }
          if (opts.explain) gateNote = `gate open: ${g.text}`;
        }

        const drafts: Draft<T>[] = type.pay(c, ctx);
        for (const d of drafts) {
          let amount = A.round(d.amount, scheme.minorDigits, scheme.rounding);
          const notes: string[] = [];
          if (gateNote) notes.push(gateNote);
          const cap = c.cap ? valueAt(c.cap, month) : undefined;
          let kind = d.kind ?? 'pay';
          if (cap !== undefined) {
            const limit = capLimit(cap);
            if (A.cmp(amount, limit) > 0) {
              if (opts.explain) notes.push(`capped at ${fmt.money(limit)} (uncapped ${fmt.money(amount)})`);
              amount = limit;
              kind = kind === 'pay' ? 'cap' : kind;
            } else if (A.cmp(amount, A.neg(limit)) < 0) {
              if (opts.explain) notes.push(`limited to ${fmt.money(A.neg(limit))} (uncapped ${fmt.money(amount)})`);
              amount = A.neg(limit);
            }
          }
          if (c.clawback && d.byClient && !A.isZero(d.amount)) {
            const scale = A.div(amount, d.amount);
            for (const [client, part] of d.byClient) attribute(c.id, client, A.mul(part, scale));
          }
          // a multiplier's adjustment of a clawed-back component changes what each client earned: a clawback takes back what was paid
          const adjusted = d.target !== undefined ? earnedThisMonth.get(d.target) : undefined;
          if (adjusted && !A.isZero(amount)) {
            let base = A.zero;
            for (const part of adjusted.values()) base = A.add(base, part);
            if (!A.isZero(base)) for (const [client, part] of [...adjusted]) attribute(d.target!, client, A.div(A.mul(amount, part), base));
          }
          let explain = d.explain && opts.explain ? d.explain : undefined;
          if (explain && notes.length > 0) explain = { ...explain, notes: [...(explain.notes ?? []), ...notes] };
          lines.push({ component: c.id, type: c.type, kind, period: ctx.periodLabel, amount, variable: c.variable, explain, ...(d.target ? { target: d.target } : {}) });
        }
      };

      for (const p of main) runComponent(p);

      // clawbacks: what was earned on a client lost soon after signing comes back
      for (const clientId of lostByMonth.get(month) ?? []) {
        const client = ledger.clients.get(clientId)!;
        for (const { component: c } of main) {
          if (!c.clawback) continue;
          const owed = earned.get(c.id)?.get(clientId);
          if (owed === undefined || A.isZero(owed)) continue;
          const since = c.clawback.since === 'activation' ? client.activated : client.signed ?? client.activated;
          if (since === undefined) continue;
          const monthsIn = month - monthOfDay(since) + 1;
          if (monthsIn > c.clawback.withinMonths) continue;
          const amount = A.neg(A.round(owed, scheme.minorDigits, scheme.rounding));
          earned.get(c.id)!.delete(clientId);
          lines.push({
            component: c.id,
            type: c.type,
            kind: 'clawback',
            period: formatMonth(month),
            amount,
            variable: c.variable,
            explain: opts.explain
              ? {
                  rule: `clawback of ${c.id}: client lost within ${c.clawback.withinMonths} months of ${c.clawback.since}`,
                  measure: `client ${clientId} lost ${formatMonth(month)}, month ${monthsIn} since ${c.clawback.since}`,
                  arithmetic: `−${fmt.money(owed)} earned on ${clientId} = ${fmt.money(amount)}`,
                }
              : undefined,
          });
        }
      }

      // the cap on total variable pay, over its period, counting earlier months of that period
      if (scheme.variableCap) {
        const vc = scheme.variableCap;
        const cap = valueAt(vc.amount, month);
        if (cap !== undefined) {
          const period = periodOf(vc.period, month, scheme.fiscalYearStart);
          let variable = A.zero;
          for (const l of linesInPeriod(period)) if (l.variable) variable = A.add(variable, l.amount);
          const limit = capLimit(cap);
          if (A.cmp(variable, limit) > 0) {
            const cut = A.sub(limit, variable);
            lines.push({
              component: 'variable_cap',
              type: 'cap',
              kind: 'cap',
              period: formatPeriod(period, scheme.fiscalYearStart),
              amount: cut,
              variable: true,
              explain: opts.explain
                ? {
                    rule: `variable pay capped at ${fmt.money(limit)} per ${vc.period}`,
                    measure: `variable pay ${formatPeriod(period, scheme.fiscalYearStart)} = ${fmt.money(variable)}`,
                    arithmetic: `${fmt.money(limit)} − ${fmt.money(variable)} = ${fmt.money(cut)}`,
                  }
                : undefined,
            });
          }
        }
      }

      for (const p of final) runComponent(p);

      history.push(lines);
      historyMonths.push(month);
      if (month >= opts.from) {
        let total = A.zero;
        let variable = A.zero;
        for (const l of lines) {
          total = A.add(total, l.amount);
          if (l.variable) variable = A.add(variable, l.amount);
        }
        rows.push({ rep: rep.id, month, lines, total, variable });
      }
    }
  }
  problems.push(...plans.problems);
  const months: Month[] = [];
  for (let m = opts.from; m <= opts.to; m++) months.push(m);
  return { scheme: scheme.name, currency: scheme.currency, minorDigits: scheme.minorDigits, months, reps: data.reps, rows, problems };
}

/**
 * Where the months computed before the report start by default: the first
 * month with sales or activity. A client signed years before the data begins
 * does not make those years history: a recoverable draw would advance (and
 * then recover) pay for months the data knows nothing about.
 */
function historyStart<T>(data: Dataset<T>): Month | undefined {
  let first: Month | undefined;
  for (const t of data.transactions) {
    const m = monthOfDay(t.day);
    if (first === undefined || m < first) first = m;
  }
  for (const a of data.activity) if (first === undefined || a.month < first) first = a.month;
  return first ?? data.firstMonth;
}

function teamOf(id: string, scope: 'direct' | 'all', children: Map<string, Rep[]>): Rep[] {
  const direct = children.get(id) ?? [];
  if (scope === 'direct') return direct;
  const out: Rep[] = [];
  const seen = new Set<string>([id]);
  const stack = [...direct];
  while (stack.length) {
    const r = stack.pop()!;
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push(r);
    stack.push(...(children.get(r.id) ?? []));
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}
