import { describe, expect, it } from 'vitest';
import { OutsideEmployment } from '../../src/core/payout/outside-employment.js';
import { monthOfDay, parseDay } from '../../src/core/time/month.js';
import type { Rep } from '../../src/core/types.js';
import { lossesAroundEmployment, pay } from '../helpers/dataset.js';

const day = (text: string) => parseDay(text)!;
const rep = (id: string, end: string): Rep => ({ id, name: id, end: day(end) }) as Rep;

describe('sales credited outside a rep’s employment', () => {
  it('are said once per rep, for the months paid, and past ten such warnings nine of them and the rest in one line', () => {
    const o = new OutsideEmployment();
    for (let r = 1; r <= 12; r++) for (let k = 0; k < r; k++) o.note(rep(`r${r}`, '2026-01-31'), day('2026-02-15'), `t${r}-${k}`, { file: 'transactions.csv', line: 100 * r + k });
    const february = monthOfDay(day('2026-02-15'));
    const said = o.problems(february, february);
    expect(said).toHaveLength(10);
    expect(said[0].message).toBe("sale 't1-0' (2026-02-15) credited to rep 'r1' falls after his end_date 2026-01-31: no one is paid for it");
    expect(said[8].message).toMatch(/^9 sales \(the first 't9-0', 2026-02-15\) credited to rep 'r9' fall after/);
    expect(said[9]).toMatchObject({ severity: 'warning', code: 'outside-employment', file: 'transactions.csv', line: 1000 });
    expect(said[9].message).toBe("and 33 more sales credited to 3 more reps outside their employment (the first 't10-0', 2026-02-15, rep 'r10'): no one is paid for them");
    // none in the months paid: nothing said
    expect(o.problems(february + 1, february + 3)).toEqual([]);
  });
});

describe('a client lost outside its owner’s employment', () => {
  // 'new' joined 20 Feb: c1 was lost before; 'gone' left 14 Feb: c3 was lost after, c4 and c5 in March; both still own them
  const rows = lossesAroundEmployment;
  const fine = 'name: f\ncurrency: EUR\ncomponents:\n  - {id: churn, type: fine, measure: lost_clients, amount: 100}\n';
  const said = (yaml: string, from: string, to = from) => pay(yaml, rows, from, to).problems.filter((p) => p.code === 'outside-employment');

  it('is a warning at the client’s row, once per rep and side, as a sale then is, for the months paid', () => {
    const february = said(fine, '2026-02');
    expect(february.map((p) => [p.severity, p.file, p.line, p.column])).toEqual([
      ['warning', 'clients.csv', 2, 1],
      ['warning', 'clients.csv', 4, 1],
    ]);
    expect(february[0].message).toBe("the loss of client 'c1' (2026-02-03), owned by rep 'new', falls before his start_date 2026-02-20: it counts against no one (in no lost_clients, no clawback from him)");
    expect(february[0].hint).toContain("check the start_date of rep 'new' in reps.csv and the client's lost_date");
    expect(february[1].message).toMatch(/^the loss of client 'c3' \(2026-02-20\), owned by rep 'gone', falls after his end_date 2026-02-14/);
    expect(february[1].hint).toContain("make him its owner in clients.csv, or give it an owner row in credits.csv from the day after the end_date of 'gone'");
    // March: two losses after he left, one warning that counts them
    expect(said(fine, '2026-03').map((p) => p.message)).toEqual([
      "2 losses of clients (the first 'c4', 2026-03-02) owned by rep 'gone' fall after his end_date 2026-02-14: they count against no one (in no lost_clients, no clawback from him)",
    ]);
  });

  it('is said where a loss could change pay (a clawback), and not under a scheme that counts no losses', () => {
    const clawback = 'name: c\ncurrency: EUR\ncomponents:\n  - {id: comm, type: commission, measure: revenue, rate: 10%, clawback: {within_months: 3}}\n';
    expect(said(clawback, '2026-02')).toHaveLength(2);
    const commission = 'name: c\ncurrency: EUR\ncomponents:\n  - {id: comm, type: commission, measure: revenue, rate: 10%}\n';
    expect(said(commission, '2026-02', '2026-03')).toEqual([]);
  });

  it('past ten warnings, is counted with the sales in the one line for the rest', () => {
    const o = new OutsideEmployment();
    for (let r = 1; r <= 10; r++) o.note(rep(`r${r}`, '2026-01-31'), day('2026-02-15'), `t${r}`, { file: 'transactions.csv', line: r + 1 });
    for (let r = 11; r <= 12; r++) o.noteLoss(rep(`r${r}`, '2026-01-31'), day('2026-02-16'), `c${r}`, { file: 'clients.csv', line: r });
    const february = monthOfDay(day('2026-02-15'));
    const lines = o.problems(february, february);
    expect(lines).toHaveLength(10);
    expect(lines[9].message).toBe("and 1 more sale and 2 more losses of clients of 3 more reps outside their employment (the first 't10', 2026-02-15, rep 'r10'): no one is paid for the sale, and the losses count against no one");
  });
});
