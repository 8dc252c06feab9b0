import { describe, expect, it } from 'vitest';
import { simulateHistory, type History } from '../../src/core/generate/history.js';
import { historyTables } from '../../src/core/generate/tables.js';
import { R } from '../../src/core/sim/metrics.js';
import { Simulator } from '../../src/core/sim/run.js';
import { firstDay, formatMonth, lastDay, monthOfDay, parseDay, parseMonth } from '../../src/core/time/month.js';
import { bundled, scenarioText, schemeText } from '../helpers/sim.js';

const radio = scenarioText(bundled('scenarios/radio.yaml'));
const territory = schemeText(bundled('schemes/radio-territory.yaml'));
const leads = scenarioText(bundled('scenarios/leads.yaml'));
const leadsPlan = schemeText(bundled('schemes/leads-plan.yaml'));

// two years of the radio case: hires, departures, lost clients; and a year of inbound leads
const radioHistory = simulateHistory({ scenario: radio, scheme: territory, months: 24, seed: 1 });
const leadsHistory = simulateHistory({ scenario: leads, scheme: leadsPlan, months: 12, seed: 3 });

const tablesOf = new Map<History, ReturnType<typeof historyTables>>();
function table(h: History, file: string): Record<string, string>[] {
  if (!tablesOf.has(h)) tablesOf.set(h, historyTables(h));
  const t = tablesOf.get(h)!.find((x) => x.file === file)!;
  return t.rows.map((row) => Object.fromEntries(t.header.map((c, k) => [c, row[k]])));
}

describe('a generated history', () => {
  it('is the run a simulation plays without tracing (tracing changes nothing)', () => {
    for (const [h, scenario, scheme, months, seed] of [
      [radioHistory, radio, territory, 24, 1],
      [leadsHistory, leads, leadsPlan, 12, 3],
    ] as const) {
      const plain = new Simulator({ scenario, schemes: [{ scheme, from: 0 }], months, seed, detail: false }).run(0);
      expect(Array.from(h.result.metrics)).toEqual(Array.from(plain.metrics));
    }
  });

  it("adds up to the run's revenue to the cent, each sale booked and written to the cent", () => {
    for (const h of [radioHistory, leadsHistory]) {
      const revenue = h.result.metrics[R.revenue];
      // (the run's months: where clients pay late, the invoices the book owed at the start come first, owed-before.ts)
      const total = [...h.sales].filter((s) => s.month >= h.start).reduce((a, s) => a + s.revenue, 0);
      expect(Math.abs(total - revenue)).toBeLessThan(1e-6 * revenue);
      const rows = table(h, 'transactions.csv').filter((r) => r.date >= formatMonth(h.start));
      // (each sale is booked to the cent: the rows hold the run's own amounts)
      for (const x of h.sales) expect(Math.round(x.revenue * 100) / 100).toBe(x.revenue);
      const cents = rows.reduce((a, r) => a + BigInt(r.revenue.replace('.', '')), 0n);
      expect(cents).toBe(BigInt(Math.round(revenue * 100)));
      for (const r of rows) expect(Math.round(Number(r.revenue) * 100)).toBe(Math.round(Number(r.cost) * 100) + Math.round(Number(r.gross_profit) * 100));
    }
  });

  it("gives each rep's hours, his floor at least and his ceiling at most, to clients and leads in the months he was employed", () => {
    for (const [h, sc] of [
      [radioHistory, radio],
      [leadsHistory, leads],
    ] as const) {
      const reps = new Map(h.reps.map((r) => [r.id, r]));
      const used = new Map<string, number>();
      for (const a of h.activity) {
        const rep = reps.get(a.rep)!;
        expect(a.hours).toBeGreaterThan(0);
        if (rep.start !== undefined) expect(firstDay(a.month)).toBeGreaterThanOrEqual(rep.start);
        if (rep.end !== undefined) expect(lastDay(a.month)).toBeLessThanOrEqual(rep.end);
        const key = `${a.rep} ${a.month}`;
        used.set(key, (used.get(key) ?? 0) + a.hours);
      }
      // every month he was employed, he worked at least the floor the job demands and at most his ceiling (nobody idles);
      // hours are logged to the hundredth, and the search for his hours stops within 0.1 % of them
      const ceiling = 1 + sc.reps.overtime.max;
      for (const rep of h.reps) {
        for (let m = h.start; m < h.start + h.months; m++) {
          const employed = (rep.start === undefined || firstDay(m) >= rep.start) && (rep.end === undefined || lastDay(m) <= rep.end);
          const worked = used.get(`${rep.id} ${m}`) ?? 0;
          if (!employed) expect(worked).toBe(0);
          else {
            expect(worked).toBeGreaterThanOrEqual(rep.hoursPerMonth * 0.998 - 0.05);
            expect(worked).toBeLessThanOrEqual(rep.hoursPerMonth * ceiling * 1.002 + 0.05);
          }
        }
      }
    }
  });

  it('has leads hours without a client, and deals from leads on an inbound account of the rep', () => {
    const leadRows = [...leadsHistory.activity].filter((a) => a.activity === 'leads');
    expect(leadRows.length).toBeGreaterThan(0);
    for (const a of leadRows) {
      expect(a.client).toBeUndefined();
      expect(a.hours / leads.leads!.hours).toBeCloseTo(Math.round(a.hours / leads.leads!.hours), 6);
    }
    const inbound = leadsHistory.clients.filter((c) => c.id.startsWith('in:'));
    expect(inbound.length).toBeGreaterThan(0);
    for (const c of inbound) expect(c.id).toBe(`in:${c.owner}`);
    expect([...leadsHistory.sales].filter((s) => s.client.startsWith('in:')).every((s) => s.client === `in:${s.rep}`)).toBe(true);
  });

  it("dates each client's purchases between its signing and its loss, and its state changes in order", () => {
    const clients = new Map(radioHistory.clients.map((c) => [c.id, c]));
    for (const s of radioHistory.sales) {
      const c = clients.get(s.client)!;
      expect(c.signed).toBeDefined();
      expect(s.day).toBeGreaterThanOrEqual(c.signed!);
      if (c.lost !== undefined) expect(s.day).toBeLessThan(c.lost);
    }
    for (const c of radioHistory.clients) {
      // (a signed client of the starting book at age 1 was signed in the first month, and may activate or be lost in it)
      if (c.activated !== undefined) expect(c.activated).toBeGreaterThanOrEqual(c.signed!);
      if (c.lost !== undefined) expect(c.lost).toBeGreaterThanOrEqual(c.activated ?? c.signed!);
      // a firm never signed says it is a prospect (of the rep whose list holds it): read without dates it would be an established client
      if (c.signed === undefined) expect([c.status, c.closer, c.lost]).toEqual(['prospect', undefined, undefined]);
      else expect(c.status).not.toBe('prospect');
    }
    expect(radioHistory.clients.some((c) => c.signed !== undefined && monthOfDay(c.signed) >= radioHistory.start)).toBe(true);
    expect(radioHistory.clients.some((c) => c.lost !== undefined)).toBe(true);
  });

  it('names the hired reps as the simulation does, with the days they came and went', () => {
    const hired = radioHistory.reps.filter((r) => r.start !== undefined);
    expect(hired.length).toBeGreaterThan(0);
    for (const r of hired) {
      expect(r.id).toMatch(/^r\d+\.\d+$/);
      const [slot, generation] = r.id.split('.');
      const predecessor = generation === '2' ? slot : `${slot}.${Number(generation) - 1}`;
      const before = radioHistory.reps.find((x) => x.id === predecessor)!;
      expect(before.end).toBeDefined();
      expect(r.start!).toBeGreaterThan(before.end!);
      expect(Number(r.columns.payment_plan)).toBeGreaterThan(0);
    }
    const reps = table(radioHistory, 'reps.csv');
    expect(Object.keys(reps[0])).toEqual(['id', 'name', 'start_date', 'end_date', 'payment_plan']);
    for (const r of reps) {
      expect(r.payment_plan).toMatch(/^\d+\.\d\d$/);
      if (r.start_date) expect(parseDay(r.start_date)).toBe(firstDay(monthOfDay(parseDay(r.start_date)!)));
    }
  });

  it('writes months, dates, money and hours in the formats of docs/data.md', () => {
    for (const r of table(radioHistory, 'transactions.csv')) {
      expect(r.date).toMatch(/^\d{4}-\d\d-15$/);
      // radio's invoices are due 30 days after the sale, and paid by then, later, or not by the history's end (blank)
      expect(parseDay(r.due_date)! - parseDay(r.date)!).toBe(30);
      if (r.paid_date !== '') expect(parseDay(r.paid_date)!).toBeGreaterThanOrEqual(parseDay(r.date)!);
      expect(r.revenue).toMatch(/^\d+\.\d\d$/);
    }
    for (const a of table(radioHistory, 'activity.csv')) {
      expect(parseMonth(a.month)).toBeDefined();
      expect(['prospect', 'signed', 'active', 'collect']).toContain(a.activity);
      expect(a.hours).toMatch(/^\d+\.\d\d$/);
    }
  });
});
