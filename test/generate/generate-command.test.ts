import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { M, MONTHLY_METRICS, R, repMonthlyMetrics, RM } from '../../src/core/sim/metrics.js';
import { Simulator } from '../../src/core/sim/run.js';
import { formatMonth } from '../../src/core/time/month.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { bundled, scenarioText, schemeText } from '../helpers/sim.js';
import { LITERATURE_WORLD } from '../helpers/literature.js';

const FILES = ['activity.csv', 'clients.csv', 'reps.csv', 'transactions.csv'];
const root = mkdtempSync(join(tmpdir(), 'motiv-generate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
const fresh = () => join(root, `out${++n}`);
const bytes = (dir: string) => Object.fromEntries(FILES.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

async function generate(args: string[]): Promise<{ dir: string; code: number; stderr: string }> {
  const dir = fresh();
  const r = await runCli(['generate', ...args, '--out', dir]);
  return { dir, code: r.code, stderr: r.stderr };
}

describe('motiv generate', () => {
  it('writes two years of the radio case that validate and payout accept', async () => {
    const g = await generate(['--scenario', 'scenarios/radio.yaml', '--scheme', 'schemes/radio-territory.yaml', '--months', '24']);
    expect(g.code).toBe(0);
    // managers left and others took their firms over: credits.csv says who was each firm's closer on which days
    expect(readdirSync(g.dir).sort()).toEqual([...FILES, 'credits.csv'].sort());
    // radio's clients pay late (its payment terms), so the fine on overdue money is one the reps move: no warning, the summary alone,
    // which says where the starting book's purchases begin whose invoices may be owed at the start (owed-before.ts)
    expect(g.stderr).toMatch(/^wrote .*out\d+: \d+ reps, [\d,]+ clients, [\d,]+ transactions, [\d,]+ activity rows, [\d,]+ dated credit rows; 24 months \(2026-01 to 2027-12\), after \d+ months of the starting book's purchases \(2025-\d\d to 2025-12; payout --from 2026-01 pays the simulated months alone\), seed 1\npayout --from 2026-01 pays [\d,]+\.\d\d EUR on it, on revenue of [\d,]+\.\d\d \(run 0 of simulate: [\d,]+\.\d\d on [\d,]+\.\d\d\)\n$/);

    const v = await runCli(['validate', g.dir, '--strict', '--format', 'json']);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).files[0].problems).toEqual([]);

    const p = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', g.dir, '--period', '2027-Q4', '--format', 'json']);
    // the only thing that may be said: sales of a departed manager's firms before the one hired in his place starts,
    // which nobody is paid for (nor was in the simulation), each such rep once
    const said = p.stderr.split('\n').filter((l) => l !== '');
    for (const line of said.slice(0, -1)) expect(line).toMatch(/: warning: .* credited to rep 'r\d+' fall after his end_date .* \[outside-employment\]$/);
    if (said.length > 0) expect(said.at(-1)).toMatch(/^\d+ warnings?$/);
    expect(p.code).toBe(0);
  });

  it('where clients pay late, pays by payout on the history (due and paid dates, fines on what is overdue, a commission on money collected) what the simulation paid', async () => {
    const scenarioFile = join(root, 'late-payers.yaml');
    const schemeFile = join(root, 'collections.yaml');
    writeFileSync(scenarioFile, `${LITERATURE_WORLD}payment: {terms_days: 30, on_time: 0.6, days_late: {lognormal: {median: 25, sigma: 0.8}}, never: 0.05}\n`);
    const scheme = `name: collections\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 2000}\n  - {id: c, type: commission, measure: collected, rate: 3%}\n  - {id: late, type: fine, measure: overdue, rate: 2%}\n`;
    writeFileSync(schemeFile, scheme);
    const g = await generate(['--scenario', scenarioFile, '--scheme', schemeFile, '--months', '8', '--quiet']);
    expect(g.code, g.stderr).toBe(0);
    const rows = parse(readFileSync(join(g.dir, 'transactions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.some((r) => r.paid_date === '')).toBe(true);
    expect(rows.some((r) => r.paid_date > r.due_date)).toBe(true);
    const chased = (parse(readFileSync(join(g.dir, 'activity.csv'), 'utf8'), { columns: true }) as Record<string, string>[]).filter((a) => a.activity === 'collect');
    expect(chased.length).toBeGreaterThan(0);
    const p = await runCli(['payout', schemeFile, '--data', g.dir, '--format', 'csv']);
    expect(p.code, p.stderr).toBe(0);
    const paid = new Map<string, number>();
    for (const row of parse(p.stdout, { columns: true }) as Record<string, string>[]) paid.set(row.month, (paid.get(row.month) ?? 0) + Number(row.amount));
    const sim = new Simulator({ scenario: scenarioText(readFileSync(scenarioFile, 'utf8')), schemes: [{ scheme: schemeText(scheme), from: 0 }], months: 8, seed: 1, detail: true });
    const run = sim.run(0);
    for (let t = 0; t < 8; t++) expect(Math.abs(paid.get(formatMonth(sim.start + t))! - run.monthly![t * MONTHLY_METRICS.length + M.pay_total])).toBeLessThan(0.1);
  });

  // credit to the closer, the finder and the owner: roles a hire takes over from the rep who left
  const ROLES_SCHEME = `name: roles\ncurrency: EUR\ncredit:\n  - split: {closer: 50%, finder: 20%, owner: 30%}\ncomponents:\n  - {id: salary, type: salary, amount: 1000}\n  - {id: c, type: commission, measure: revenue, rate: 2%}\n`;
  // pay on the owner's clients, and per new and activated client: events credited as sales are
  const EVENTS = `currency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1000}\n  - {id: c, type: commission, measure: revenue, rate: 2%}\n  - {id: sb, type: per_unit, measure: new_clients, amount: 100}\n  - {id: ab, type: per_unit, measure: activated_clients, amount: 50}\n`;
  const HANDOVER = `name: owner\ncredit:\n  - split: {owner: 100%}\n${EVENTS}organisation:\n  roles:\n    hunter: {share: 0.75, activities: [prospect, signed]}\n    farmer: {share: 0.25, activities: [signed, active]}\n  handover: {from: hunter, to: farmer, after_months: 1, since: signing}\n`;
  const POOL = `name: seller and owner\ncredit:\n  - split: {seller: 50%, owner: 50%}\n${EVENTS}organisation:\n  base: {cap: 150, release_after_months: 2, poaching: {quiet_months: 2}}\n`;
  // what compares with months before the run (steady-past.ts): the history has the starting book's purchases then
  const GROWTH = HANDOVER.replace('name: owner', 'name: growth').replace('  - {id: ab,', '  - {id: g, type: growth, measure: gross_profit, against: last_year, rate: 20%, floor: 0}\n  - {id: ab,');
  const UPSELL = bundled('schemes/radio-territory.yaml').replace('organisation:', '  - {id: up, type: upsell, measure: revenue, baseline: {months: 3}, rate: 10%}\norganisation:');
  it.each([
    { what: 'a growth against last year reads the year before the run, the starting book’s purchases', scenario: 'scenarios/freight.yaml', scheme: GROWTH, months: 13 },
    { what: 'clients pay late and an upsell reads the months before the run', scenario: 'scenarios/radio.yaml', scheme: UPSELL, months: 12 },
    { what: 'a growth of clients by age reads the year before the run, the clients lost before it by their dates (review: 20 of 21 rep-months differed)', scenario: 'scenarios/freight.yaml', scheme: GROWTH.replace('against: last_year,', 'against: last_year, filter: {age_months: {from: 14, to: 25}},'), months: 3 },
    { what: 'reps leave and the ones hired in their place take their firms, found and signed ones too', scenario: 'scenarios/departures.yaml', scheme: ROLES_SCHEME, months: 18 },
    { what: 'the owner is credited and clients are handed over, some at the last month end', scenario: 'scenarios/freight.yaml', scheme: HANDOVER, months: 13 },
    { what: 'seller and owner share, firms go back to a pool and a quiet one may be poached (events with no seller go to the owner of the day)', scenario: 'scenarios/radio.yaml', scheme: POOL, months: 24 },
    { what: 'firms go back to a pool and newcomers take some, finder and closer sharing', scenario: 'scenarios/radio.yaml', scheme: bundled('schemes/radio-pool.yaml'), months: 12 },
    { what: 'a hunter hands a client over to a farmer after its first month, and the book starts with clients signed that month', scenario: 'scenarios/freight.yaml', scheme: bundled('schemes/hunter-farmer.yaml'), months: 12 },
    { what: 'clients pay late and a successor chases invoices of the manager who left, which pay neither of them', scenario: 'scenarios/radio.yaml', scheme: bundled('schemes/radio-territory.yaml'), months: 24 },
    { what: 'a rep who leaves in a quarter has it settled in his last month, his quarterly kicker on his share of its days', scenario: 'scenarios/saas.yaml', scheme: bundled('schemes/saas-ote.yaml'), months: 24 },
    { what: 'a plan counts the clients each manager owns at the month end, and clients are handed over (dated owner rows say whose they were)', scenario: 'scenarios/merged.yaml', scheme: bundled('schemes/merged-role.yaml'), months: 12 },
  ])('pays by payout on the history what the simulation paid, month by month, where $what', async ({ scenario, scheme, months }) => {
    const schemeFile = join(root, `scheme-${++n}.yaml`);
    writeFileSync(schemeFile, scheme.replace(/^scenario: .*$/m, ''));
    const g = await generate(['--scenario', scenario, '--scheme', schemeFile, '--months', String(months), '--quiet']);
    expect(g.code, g.stderr).toBe(0);
    const credits = parse(readFileSync(join(g.dir, 'credits.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(credits.some((c) => c.from !== '')).toBe(true);
    const p = await runCli(['payout', schemeFile, '--data', g.dir, '--format', 'csv']);
    expect(p.code, p.stderr).toBe(0);
    // rep by rep: a rep slot's pay in a month is its holder's (r4, then r4.2 hired in his place)
    const paid = new Map<string, number>();
    const lines = new Map<string, number>();
    for (const row of parse(p.stdout, { columns: true }) as Record<string, string>[]) {
      const key = `${row.rep_id.split('.')[0]}|${row.month}`;
      paid.set(key, (paid.get(key) ?? 0) + Number(row.amount));
      lines.set(key, (lines.get(key) ?? 0) + 1);
    }
    const played = schemeText(scheme);
    const sim = new Simulator({ scenario: scenarioText(bundled(scenario)), schemes: [{ scheme: played, from: 0 }], months, seed: 1, detail: true, repMonthly: true });
    const run = sim.run(0);
    const width = repMonthlyMetrics([played]).length;
    const slots = run.repMonthly!.length / months / width;
    expect(slots).toBeGreaterThan(1);
    for (let r = 0; r < slots; r++) {
      for (let t = 0; t < months; t++) {
        const month = formatMonth(sim.start + t);
        // (both book each sale to the cent: a line a cent apart only where its exact amount sits at half a cent, run 0 paying in
        // doubles, as a rate that is a formula's fraction is: saas-ote's commission and its accelerator, 2 cents in one month of 24)
        const key = `r${r + 1}|${month}`;
        expect(Math.abs((paid.get(key) ?? 0) - run.repMonthly![(r * months + t) * width + RM.pay]), key).toBeLessThanOrEqual(0.01 * (lines.get(key) ?? 1) + 1e-9);
      }
    }
  });

  it('says what payout pays on the history, which is what run 0 paid to the cent, each sale booked as its row holds it (no change of owners)', async () => {
    const g = await generate(['--scenario', 'scenarios/freight.yaml', '--scheme', 'schemes/freight-lifetime.yaml', '--months', '6']);
    expect(g.code).toBe(0);
    // (QA: payout paid 138,326.14 where simulate said 138,326.10, the simulation's sales unrounded)
    const said = /^payout --from 2026-01 pays ([\d,.]+) EUR on it, on revenue of ([\d,.]+) \(run 0 of simulate: ([\d,.]+) on ([\d,.]+)\)$/m.exec(g.stderr);
    expect(said, g.stderr).not.toBeNull();
    const [, filesPay, filesRevenue, runPay, runRevenue] = said!.map((x) => x.replaceAll(',', ''));
    const p = await runCli(['payout', 'schemes/freight-lifetime.yaml', '--data', g.dir, '--from', '2026-01', '--format', 'json']);
    expect(p.code, p.stderr).toBe(0);
    expect(JSON.parse(p.stdout).totals.pay).toBe(filesPay);
    const rows = parse(readFileSync(join(g.dir, 'transactions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const cents = (x: string) => BigInt(x.replace('.', ''));
    expect(rows.reduce((a, r) => a + cents(r.revenue), 0n)).toBe(cents(filesRevenue));

    const scenario = scenarioText(bundled('scenarios/freight.yaml'));
    const sim = new Simulator({ scenario, schemes: [{ scheme: schemeText(bundled('schemes/freight-lifetime.yaml')), from: 0 }], months: 6, seed: 1, detail: true });
    const run = sim.run(0);
    expect(run.metrics[R.pay_total].toFixed(2)).toBe(runPay);
    expect(run.metrics[R.revenue].toFixed(2)).toBe(runRevenue);
    // each sale is booked to the cent as its row holds it: the same revenue and pay, month by month
    expect(filesRevenue).toBe(runRevenue);
    expect(filesPay).toBe(runPay);
    const paid = new Map<string, number>();
    for (const rep of JSON.parse(p.stdout).reps as { months: { month: string; total: string }[] }[]) {
      for (const m of rep.months) {
        paid.set(m.month, (paid.get(m.month) ?? 0) + Number(m.total));
      }
    }
    for (let t = 0; t < 6; t++) {
      const month = formatMonth(sim.start + t);
      expect(paid.get(month)!.toFixed(2), month).toBe(run.monthly![t * MONTHLY_METRICS.length + M.pay_total].toFixed(2));
    }
  });

  it('writes the same bytes for the same seed, and others for another seed', async () => {
    const args = ['--scenario', 'scenarios/leads.yaml', '--scheme', 'schemes/leads-plan.yaml', '--months', '4', '--quiet'];
    const a = await generate([...args, '--seed', '7']);
    const b = await generate([...args, '--seed', '7']);
    const c = await generate([...args, '--seed', '8']);
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    expect(bytes(a.dir)).toEqual(bytes(b.dir));
    const other = bytes(c.dir);
    for (const f of ['activity.csv', 'clients.csv', 'transactions.csv']) expect(other[f]).not.toEqual(bytes(a.dir)[f]);
  });

  it('takes the scenario the scheme names when --scenario is left out', async () => {
    const named = await generate(['--scheme', 'schemes/freight-lifetime.yaml', '--months', '2', '--quiet']);
    const given = await generate(['--scheme', 'schemes/freight-lifetime.yaml', '--scenario', 'scenarios/freight.yaml', '--months', '2', '--quiet']);
    expect(named.code).toBe(0);
    expect(bytes(named.dir)).toEqual(bytes(given.dir));
  });

  it("plays the scenario's own scheme without --scheme", async () => {
    const own = await generate(['--scenario', 'scenarios/radio.yaml', '--months', '2', '--quiet']);
    const given = await generate(['--scenario', 'scenarios/radio.yaml', '--scheme', 'schemes/radio-territory.yaml', '--months', '2', '--quiet']);
    expect(own.code).toBe(0);
    expect(bytes(own.dir)).toEqual(bytes(given.dir));
  });

  it('asks for --scheme when the scenario names none', async () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    const scenario = join(dir, 'no-scheme.yaml');
    writeFileSync(scenario, readFileSync(join(ROOT, 'scenarios/radio.yaml'), 'utf8').replace(/^scheme: .*$/m, ''));
    const r = await runCli(['generate', '--scenario', scenario, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--scheme FILE is required');
  });

  it('refuses a folder that is not empty unless --force, and warns of dataset files it did not write', async () => {
    const dir = fresh();
    const args = ['generate', '--scheme', 'schemes/freight-lifetime.yaml', '--months', '2', '--out', dir];
    expect((await runCli(args)).code).toBe(0);
    writeFileSync(join(dir, 'plans.csv'), 'rep_id,month,plan\n');
    const again = await runCli(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/is not empty \(5 entries\); give an empty or new folder, or --force to overwrite its dataset files/);
    const forced = await runCli([...args, '--force', '--quiet']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/warning: .* also holds plans\.csv, not written now/);
  });

  it("removes, with --force, the credits.csv of an earlier history that the new one does not write: its rows would credit the new clients", async () => {
    const dir = fresh();
    expect((await runCli(['generate', '--scenario', 'scenarios/radio.yaml', '--scheme', 'schemes/radio-territory.yaml', '--months', '24', '--out', dir, '--quiet'])).code).toBe(0);
    expect(existsSync(join(dir, 'credits.csv'))).toBe(true);
    const again = await runCli(['generate', '--scheme', 'schemes/freight-lifetime.yaml', '--months', '2', '--out', dir, '--force']);
    expect(again.code).toBe(0);
    expect(existsSync(join(dir, 'credits.csv'))).toBe(false);
    expect(again.stderr).toMatch(/^removed .*credits\.csv of an earlier history: no client changed hands in this one/m);
  });

  it('reports bad options and files as usage errors and problems, never a stack trace', async () => {
    const months = await runCli(['generate', '--scheme', 'schemes/freight-lifetime.yaml', '--months', '0', '--out', fresh()]);
    expect(months.code).toBe(2);
    expect(months.stderr).toContain('--months must be a whole number from 1 to 240');
    const missing = await runCli(['generate', '--scheme', 'schemes/nope.yaml', '--out', fresh()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
    const noOut = await runCli(['generate', '--scheme', 'schemes/freight-lifetime.yaml']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out DIR is required');
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    const onFile = await runCli(['generate', '--scheme', 'schemes/freight-lifetime.yaml', '--out', file]);
    expect(onFile.code).toBe(1);
    expect(onFile.stderr).toContain('is a file, and --out takes a folder');
  });
});
