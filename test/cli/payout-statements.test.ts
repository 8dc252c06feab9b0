import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statementFolderNames } from '../../src/core/statements/statement-folder-names.js';
import { runCli } from '../helpers/cli.js';
import { SCRIPT_NAME, statementFixture } from '../helpers/statement-fixture.js';

/** the text of each data-field of a statement page */
function fields(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/data-field="([^"]+)">([^<]*)</g)].map((m) => [m[1], m[2]]));
}

function lineAmounts(html: string): [string, string][] {
  return [...html.matchAll(/<tr data-line data-component="([^"]+)"[^]*?data-amount>([^<]*)</g)].map((m) => [m[1], m[2]]);
}

describe('payout --statements', () => {
  it("writes a page per rep and month with the lines, total, year to date, draws outstanding and attainment worked out by hand", async () => {
    const { scheme, data } = statementFixture();
    const dir = join(data, '..', 'statements');
    const r = await runCli(['payout', scheme, '--data', data, '--statements', dir, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^wrote 6 statements in .*statements: open .*index\.html\n$/);
    expect(readdirSync(dir).sort()).toEqual(['a', 'index.html', 'x~2Fy']);
    expect(readdirSync(join(dir, 'a')).sort()).toEqual(['2026-01.html', '2026-02.html', '2026-03.html']);

    const page = (rep: string, m: string) => readFileSync(join(dir, rep, `${m}.html`), 'utf8');
    const expected: [string, string, Record<string, string>][] = [
      ['a', '2026-01', { total: '1,000.00', 'year-to-date': '1,000.00', 'draws-outstanding': '700.00' }],
      ['a', '2026-02', { total: '1,000.00', 'year-to-date': '2,000.00', 'draws-outstanding': '100.00' }],
      ['a', '2026-03', { total: '1,400.00', 'year-to-date': '3,400.00', 'draws-outstanding': '0.00', variable: '1,500.00' }],
      ['x~2Fy', '2026-02', { total: '1,000.00', 'year-to-date': '2,000.00', 'draws-outstanding': '2,000.00' }],
      ['x~2Fy', '2026-03', { total: '1,000.00', 'year-to-date': '3,000.00', 'draws-outstanding': '1,700.00', 'line-total': '1,000.00' }],
    ];
    for (const [rep, m, want] of expected) expect(fields(page(rep, m)), `${rep} ${m}`).toMatchObject({ month: m, ...want });
    expect(lineAmounts(page('a', '2026-02'))).toEqual([
      ['commission', '1,500.00'],
      ['bonus', '100.00'],
      ['advance', '-600.00'],
    ]);
    expect(page('a', '2026-02')).toContain('-min(owed 700.00, 600.00) = -600.00; still owed: 100.00');
    expect(page('x~2Fy', '2026-03')).toMatch(/<td>revenue_plan<\/td><td>revenue<\/td><td class="num">12,000.00<\/td><td class="num">10,000.00<\/td><td class="num" data-attainment>120 %<\/td>/);

    // the figures are payout's own: each page's total is the JSON's for that rep and month
    const json = JSON.parse(r.stdout) as { reps: { id: string; months: { month: string; total: string }[] }[] };
    for (const rep of json.reps) {
      for (const m of rep.months) expect(fields(page(statementFolderNames([rep.id]).get(rep.id)!, m.month)).total.replace(/,/g, '')).toBe(m.total);
    }

    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(index).toContain('<a href="x~2Fy/2026-03.html">2026-03</a>');
    expect(index).toContain('<a href="a/2026-01.html">2026-01</a>');
  });

  it('shows clawbacks taken and pending: what comes back if a client within its window is lost', async () => {
    // merged-role claws back new_sales on a client lost within 3 months of signing: M08 (signed 2026-01-12) is lost
    // 2026-03-25, taking back the 1,250.00 earned on it; M07, activated in March, earns 1,175.00 that is pending then
    const dir = join(statementFixture().data, '..', 'merged');
    const r = await runCli(['payout', 'schemes/merged-role.yaml', '--data', 'fixtures/merged', '--from', '2026-02', '--to', '2026-03', '--rep', 'mila', '--statements', dir]);
    expect(r.code, r.stderr).toBe(0);
    const page = (m: string) => fields(readFileSync(join(dir, 'mila', `${m}.html`), 'utf8'));
    expect(page('2026-02')).toMatchObject({ 'clawbacks-month': '0.00', 'clawbacks-ytd': '0.00', 'clawbacks-pending': '1,250.00' });
    expect(page('2026-03')).toMatchObject({ 'clawbacks-month': '-1,250.00', 'clawbacks-ytd': '-1,250.00', 'clawbacks-pending': '1,175.00' });
  });

  it('shows markup in names as text: no script anywhere, the name escaped', async () => {
    const { scheme, data } = statementFixture();
    const dir = join(data, '..', 'statements');
    expect((await runCli(['payout', scheme, '--data', data, '--statements', dir])).code).toBe(0);
    for (const file of [join(dir, 'a', '2026-01.html'), join(dir, 'index.html')]) {
      const html = readFileSync(file, 'utf8');
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('Draw &amp; plan &lt;test&gt;');
      expect(html).not.toMatch(/https?:/);
    }
    expect(SCRIPT_NAME).toBe('<script>alert(1)</script>');
  });

  it('writes only the months asked for, with the year to date from January', async () => {
    const { scheme, data } = statementFixture();
    const dir = join(data, '..', 'march');
    expect((await runCli(['payout', scheme, '--data', data, '--period', '2026-03', '--rep', 'a', '--statements', dir])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['a', 'index.html']);
    expect(readdirSync(join(dir, 'a'))).toEqual(['2026-03.html']);
    expect(fields(readFileSync(join(dir, 'a', '2026-03.html'), 'utf8'))).toMatchObject({ total: '1,400.00', 'year-to-date': '3,400.00' });
  });

  it('refuses a folder that is not empty without --force (exit 2), saying what --force overwrites there (pages, not dataset files), and writes nothing', async () => {
    const { scheme, data } = statementFixture();
    const dir = join(data, '..', 'busy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = await runCli(['payout', scheme, '--data', data, '--statements', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/busy' is not empty \(1 entry\); give an empty or new folder, or --force to overwrite the statement pages of the same name \(other files are left alone\)\n/);
    expect(r.stderr).not.toContain('dataset');
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    const forced = await runCli(['payout', scheme, '--data', data, '--statements', dir, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
  });

  it('a file where the folder goes is a located error before any work (exit 1)', async () => {
    const { scheme, data } = statementFixture();
    const file = join(data, '..', 'taken');
    writeFileSync(file, 'x');
    const r = await runCli(['payout', scheme, '--data', data, '--statements', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/taken: error: cannot write --statements: '.*taken' is a file, and --statements takes a folder .*\[file-unwritable\]/);
  });

  it('names rep folders safely and distinctly for any id', () => {
    const names = statementFolderNames(['anna', 'Anna', '..', 'a/b', 'a~2Fb', 'Пётр', '', 'x'.repeat(300)]);
    expect([...names.values()]).toEqual(['anna', 'Anna-2', '~2E~2E', 'a~2Fb', 'a~7E2Fb', '~D0~9F~D1~91~D1~82~D1~80', '~', 'x'.repeat(112)]);
    expect(new Set([...names.values()].map((n) => n.toLowerCase())).size).toBe(names.size);
  });
});

describe('payout --statements DIR --force over an earlier payout', () => {
  it("says that the index written now does not link the pages of the earlier payout left in the folder (QA: --rep pet rewrote it with one row, unsaid)", async () => {
    const { scheme, data } = statementFixture();
    const dir = join(data, '..', 'statements-again');
    const all = await runCli(['payout', scheme, '--data', data, '--statements', dir]);
    expect(all.code, all.stderr).toBe(0);
    const one = await runCli(['payout', scheme, '--data', data, '--statements', dir, '--force', '--rep', 'a', '--period', '2026-03']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toMatch(/index\.html lists the 1 statement written now: 5 other statement pages in .*statements-again, of an earlier payout, are not linked from it/);
    // the same run again over its own pages: nothing left out, nothing said
    const again = await runCli(['payout', scheme, '--data', data, '--statements', dir, '--force']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('not linked');
  });
});
