import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULTS } from '../../src/core/calibrate/defaults.js';
import { runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-calibrate-short-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('motiv calibrate: a history too short', () => {
  const file = join(root, 'short.yaml');

  it('warns and keeps defaults instead of making values up', async () => {
    const dir = join(root, 'h3');
    const g = await runCli(['generate', '--scenario', 'scenarios/radio.yaml', '--scheme', 'schemes/radio-territory.yaml', '--out', dir, '--months', '3', '--seed', '7', '--quiet']);
    expect(g.code, g.stderr).toBe(0);
    const out = await runCli(['calibrate', '--data', dir, '--out', file]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('WARNINGS');
    expect(out.stdout).toContain('warning: seasonality: history of 3 months, shorter than the 13 that cover every month-to-month step: kept twelve 1s');
    expect(out.stdout).toMatch(/warning: share of wallet .*too few clients activated in the history/);
    expect(out.stdout).toContain('warning: effort costs, overtime and choice noise: not matched to the observed hours without --scheme');
    const text = readFileSync(file, 'utf8');
    const doc = parse(text) as Record<string, any>;
    expect(doc.seasonality).toBeUndefined();
    expect(text).toContain('# seasonality: default (twelve 1s)');
    // every value marked default carries the documented default, and every one resting on fewer than 30 events is a default, but
    // churn's plain rate (some losses, too few for the curve: losses over active client-months)
    let defaults = 0;
    for (const line of text.split('\n')) {
      const m = /^\s*(\w+): ([\d.]+) {2}# (.*)$/.exec(line);
      if (!m) continue;
      const events = /\(([\d,]+) events\)/.exec(m[3]);
      if (events && !m[3].includes('plain rate:')) expect(Number(events[1].replace(/,/g, '')), line).toBeGreaterThanOrEqual(30);
      if (m[3].startsWith('default: too few')) {
        defaults++;
        const key = Object.keys(DEFAULTS).find((k) => k.endsWith(`.${m[1]}`) && Number(m[2]) === DEFAULTS[k]);
        expect(key, line).toBeDefined();
      }
    }
    expect(defaults).toBeGreaterThanOrEqual(4);
    expect(doc.drift.wallet_start).toBe(DEFAULTS['drift.wallet_start']);
    const v = await runCli(['validate', file]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });
});

describe('motiv calibrate: located errors', () => {
  it('names a missing data folder', async () => {
    const r = await runCli(['calibrate', '--data', 'no/such/history', '--out', join(root, 'x.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no dataset directory 'no/such/history'");
    expect(r.stderr).toContain('no/such/history');
  });

  it('names an --out under a file, a folder, or not a .yaml file', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    const under = await runCli(['calibrate', '--data', 'fixtures/radio', '--out', join(file, 'fit.yaml')]);
    expect(under.code).toBe(1);
    expect(under.stderr).toMatch(/cannot write --out: '.*a-file' is a file, not a folder/);
    const dir = join(root, 'a-folder');
    mkdirSync(dir);
    const folder = await runCli(['calibrate', '--data', 'fixtures/radio', '--out', dir]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('is a folder');
    const csv = await runCli(['calibrate', '--data', 'fixtures/radio', '--out', join(root, 'fit.csv')]);
    expect(csv.code).toBe(1);
    expect(csv.stderr).toContain('is not a .yaml file');
  });

  it('requires --data and --out', async () => {
    const noData = await runCli(['calibrate', '--out', 'x.yaml']);
    expect(noData.code).toBe(2);
    expect(noData.stderr).toContain('--data DIR is required');
    const noOut = await runCli(['calibrate', '--data', 'fixtures/radio']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out FILE is required');
  });
});

describe('motiv calibrate: a curve the history cannot tell apart', () => {
  it("writes a scenario that loads where a curve's half hours run off towards 0 (QA: half_hours: 0, refused by validate and simulate)", async () => {
    // a user's project (QA): init's starter scenario, and a scheme of hunters and account managers, a capped commission on new
    // clients with a clawback, a quarterly bonus
    const project = join(root, 'acme');
    const init = await runCli(['init', project]);
    expect(init.code, init.stderr).toBe(0);
    const scheme = join(project, 'scheme.yaml');
    writeFileSync(
      scheme,
      `name: Acme\ncurrency: EUR\nscenario: scenario.yaml\nroles: [hunter, am]\ncredit:\n  - split: {seller: 100%}\nplans:\n  quota: {measure: revenue, monthly: 60000}\ncomponents:\n  - {id: salary, type: salary, amount: 2500}\n  - {id: new_clients, type: commission, measure: gross_profit, filter: {age_months: {to: 12}, since: signing}, rate: 10%, cap: 2000, clawback: {within_months: 3, since: signing}}\n  - {id: existing_clients, type: commission, roles: [am], measure: gross_profit, filter: {age_months: {from: 13}, since: signing}, rate: 3%}\n  - {id: q_bonus, type: bonus, period: quarter, plan: quota, threshold: 100%, amount: 3000}\nvariable_cap: {amount: 9000, period: quarter}\norganisation:\n  roles:\n    hunter: {count: 3, activities: [prospect, signed]}\n    am: {activities: [signed, active]}\n`,
    );
    const dir = join(root, 'acme-history');
    const g = await runCli(['generate', '--scenario', join(project, 'scenario.yaml'), '--scheme', scheme, '--out', dir, '--months', '24', '--quiet']);
    expect(g.code, g.stderr).toBe(0);
    const file = join(root, 'acme-calibrated.yaml');
    const out = await runCli(['calibrate', '--data', dir, '--out', file]);
    expect(out.code, out.stderr).toBe(0);
    const v = await runCli(['validate', file]);
    expect(v.code, v.stdout).toBe(0);
    const halves = [...readFileSync(file, 'utf8').matchAll(/half_hours: ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(halves.length).toBeGreaterThanOrEqual(3);
    console.log(`half hours written: ${halves.join(", ")}`);
    for (const h of halves) expect(h).toBeGreaterThanOrEqual(0.1);
  }, 60_000);
});

describe('motiv calibrate: a history that lists only the firms that signed', () => {
  /** a 6-month radio history in a folder of its own: its clients.csv's lines and where their status is */
  const history = async (name: string) => {
    const dir = join(root, name);
    const g = await runCli(['generate', '--scenario', 'scenarios/radio.yaml', '--out', dir, '--months', '6', '--seed', '3', '--quiet']);
    expect(g.code, g.stderr).toBe(0);
    const lines = readFileSync(join(dir, 'clients.csv'), 'utf8').split('\n');
    return { dir, lines, status: lines[0].split(',').indexOf('status') };
  };

  it('keeps the signing curve at its defaults, saying why, instead of fitting it on the survivors (QA: half_hours 0.29 for a truth of 5)', async () => {
    const { dir, lines, status } = await history('customers');
    // a customers' export: the firms still prospects at the end left out
    const gone = new Set(lines.filter((l, i) => i > 0 && l.split(',')[status] === 'prospect').map((l) => l.split(',')[0]));
    writeFileSync(join(dir, 'clients.csv'), lines.filter((l, i) => i === 0 || l.split(',')[status] !== 'prospect').join('\n'));
    // and the hours on them as prospecting in general, with no client
    const activity = readFileSync(join(dir, 'activity.csv'), 'utf8').split('\n');
    const client = activity[0].split(',').indexOf('client_id');
    writeFileSync(join(dir, 'activity.csv'), activity.map((l, i) => (i === 0 || !gone.has(l.split(',')[client]) ? l : l.split(',').map((c, k) => (k === client ? '' : c)).join(','))).join('\n'));
    const file = join(root, 'customers.yaml');
    const out = await runCli(['calibrate', '--data', dir, '--out', file]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('warning: response.prospect: no firm of the data never signed (none a prospect at its end, none lost as one): it lists only the firms that signed');
    const doc = parse(readFileSync(file, 'utf8')) as { response: { prospect: { sign: number; half_hours: number } } };
    expect(doc.response.prospect.sign).toBe(DEFAULTS['response.prospect.sign']);
    expect(doc.response.prospect.half_hours).toBe(DEFAULTS['response.prospect.half_hours']);
  });

  it('fits the signing curve where the firms that never signed are there, closed as lost (review: the guard fired on them too)', async () => {
    const { dir, lines, status } = await history('closed-as-lost');
    writeFileSync(join(dir, 'clients.csv'), lines.map((l, i) => (i > 0 && l.split(',')[status] === 'prospect' ? l.split(',').map((c, k) => (k === status ? 'lost' : c)).join(',') : l)).join('\n'));
    const out = await runCli(['calibrate', '--data', dir, '--out', join(root, 'closed-as-lost.yaml')]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).not.toContain('no firm of the data never signed');
  });
});

describe('motiv calibrate: a history too short to fit shares of wallet', () => {
  it("writes potentials that buy about what the history bought (QA: the median purchase at a full share, no spread: revenue a third of the history's)", async () => {
    const dir = join(root, 'short-wallet');
    const g = await runCli(['generate', '--scenario', 'scenarios/radio.yaml', '--out', dir, '--months', '3', '--seed', '2', '--quiet']);
    expect(g.code, g.stderr).toBe(0);
    const file = join(root, 'short-wallet.yaml');
    const out = await runCli(['calibrate', '--data', dir, '--out', file]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/segments\.large\.revenue: too little history for the share of wallet: [\d,]+ clients' mean monthly purchase over book\.wallet's 0\.5 as the potential/);
    // the history's last three months, against the calibrated world's first three
    const rows = readFileSync(join(dir, 'transactions.csv'), 'utf8').trim().split('\n');
    const header = rows[0].split(',');
    const [date, revenue] = [header.indexOf('date'), header.indexOf('revenue')];
    const byMonth = new Map<string, number>();
    for (const r of rows.slice(1)) {
      const cells = r.split(',');
      byMonth.set(cells[date].slice(0, 7), (byMonth.get(cells[date].slice(0, 7)) ?? 0) + Number(cells[revenue]));
    }
    const last = [...byMonth.keys()].sort().slice(-3);
    const history = last.reduce((a, m) => a + byMonth.get(m)!, 0) / 3;
    const sim = await runCli(['simulate', 'schemes/radio-territory.yaml', '--scenario', file, '--runs', '5', '--months', '3', '--workers', '1', '--quiet', '--format', 'json']);
    expect(sim.code, sim.stderr).toBe(0);
    const simulated = (JSON.parse(sim.stdout) as { metrics: { revenue: { mean: number } } }).metrics.revenue.mean / 3;
    expect(simulated / history).toBeGreaterThan(0.6);
    expect(simulated / history).toBeLessThan(1.5);
  });
});
