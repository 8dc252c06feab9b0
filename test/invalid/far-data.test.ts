import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AmountLog } from '../../src/core/data/far-amounts.js';
import { DateLog, FAR_MONTHS } from '../../src/core/data/far-dates.js';
import { readNumberCell } from '../../src/core/data/numbers.js';
import { MAX_SPAN_MONTHS } from '../../src/core/payout/span.js';
import { formatDay, formatMonth, month, parseDay } from '../../src/core/time/month.js';
import { ROOT, runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'motiv-far-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** a copy of a bundled dataset with one line of one file edited */
function edited(fixture: string, file: string, line: number, edit: (text: string) => string): string {
  const dir = join(tmp, `${fixture}-${line}-${Math.random().toString(36).slice(2)}`);
  cpSync(join(ROOT, 'fixtures', fixture), dir, { recursive: true });
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  lines[line - 1] = edit(lines[line - 1]);
  writeFileSync(join(dir, file), lines.join('\n'));
  return dir;
}

/** fixtures/hunter-farmer with transaction HT0004 (line 5) dated 9999-10-03: the reported case */
const far = edited('hunter-farmer', 'transactions.csv', 5, (l) => l.replace('2025-10-12', '9999-10-03'));
/** a test file whose one case has a sale in the year 9999 */
const FAR_SALE_SUITE = `scheme: ${join(ROOT, 'schemes/hunter-farmer.yaml')}
cases:
  - name: a sale in the year 9999
    reps: [{id: h1, role: hunter}]
    clients: [{id: c1, closer: h1, owner: h1, signed_date: 2026-02-10}]
    transactions:
      - {date: 2026-02-12, client_id: c1, revenue: 100, cost: 50}
      - {date: 9999-02-12, client_id: c1, revenue: 100, cost: 50}
    expect: [{rep: h1, period: 2026-02, total: 1550}]
`;
const FAR_WARNING = 'transactions.csv:5:8: warning: date: 9999-10-03 is 7,973 years after the rest of the data (2025-10 to 2026-06)';

describe('a date far from the rest of the data', () => {
  it('is a located warning from validate (exit 0)', async () => {
    const r = await runCli(['validate', far]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(FAR_WARNING);
  });

  it('stops payout without --period (exit 1) at the date, saying how to narrow the months; --period pays', async () => {
    const r = await runCli(['payout', 'schemes/hunter-farmer.yaml', '--data', far]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(FAR_WARNING);
    expect(r.stderr).toContain(
      'transactions.csv:5:8: error: going through 95,689 months (2025-10 to 9999-10) is more than the 1,200 months motiv goes through at once: the sale of 9999-10-03 is that far from the rest of the data (fix the date if it is a typo, or give --period, or --from and --to, to pay a part of the data) [bad-value]',
    );
    const period = await runCli(['payout', 'schemes/hunter-farmer.yaml', '--data', far, '--period', '2026-03']);
    expect(period.code).toBe(0);
    expect(period.stderr).toContain(FAR_WARNING);
  });

  it('stops compare on actual results the same way', async () => {
    const r = await runCli(['compare', 'schemes/hunter-farmer.yaml', 'schemes/key-accounts.yaml', '--data', far]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('transactions.csv:5:8: error: going through 95,689 months');
  });

  it('stops calibrate, which reads every month of the history', async () => {
    const leads = edited('leads', 'transactions.csv', 3, (l) => l.replace('2025-10-02', '9025-10-02'));
    const r = await runCli(['calibrate', '--data', leads, '--out', join(tmp, 'calibrated.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/transactions\.csv:3:7: error: going through 84,001 months \(2025-10 to 9025-10\) is more than .* \(fix the date if it is a typo, or remove the rows far from the rest: calibrate reads every month of the data\)/);
  });

  it('far in the past stops even a payout of one month: every month from the first sale is computed', async () => {
    const early = edited('hunter-farmer', 'transactions.csv', 5, (l) => l.replace('2025-10-12', '0020-10-12'));
    const r = await runCli(['payout', 'schemes/hunter-farmer.yaml', '--data', early, '--period', '2026-03']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('transactions.csv:5:8: warning: date: 0020-10-12 is 2,005 years before the rest of the data');
    expect(r.stderr).toContain('error: going through 24,066 months (0020-10 to 2026-03), every month from the first sale, is more than the 1,200 months');
  });

  it('in a test file: from/to over the limit is refused where they are written', async () => {
    const suite = join(tmp, 'far.test.yaml');
    writeFileSync(
      suite,
      `${FAR_SALE_SUITE}  - name: ten thousand years
    from: 0001-01
    to: 9999-12
    reps: [{id: h1, role: hunter}]
    expect: [{rep: h1, total: 0}]
`,
    );
    const v = await runCli(['validate', suite]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain("far.test.yaml:12:9: error: 'from' to 'to': 119,988 months (0001-01 to 9999-12): more than the 1,200 months motiv pays at once (a case pays a few months) [bad-value]");
  });

  it('the case with the far sale fails with the located span error, not a hang', async () => {
    const suite = join(tmp, 'far-sale.test.yaml');
    writeFileSync(
      suite,
      FAR_SALE_SUITE,
    );
    const r = await runCli(['test', suite]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain("going through 95,677 months (2026-02 to 9999-02) is more than the 1,200 months motiv goes through at once: the sale of 9999-02-12 is that far from the rest of the data (fix the date if it is a typo, or give the case 'period: YYYY-MM')");
  });
});

describe('--from/--to asking for thousands of years are usage errors (exit 2)', () => {
  it.each([
    [['--from', '0001-01', '--to', '9999-12'], '--from 0001-01 --to 9999-12 asks for 119,988 months (0001-01 to 9999-12), more than the 1,200 months motiv pays at once; pay fewer months at a time'],
    [['--from', '0001-01'], '--from 0001-01 asks for 24,306 months (0001-01 to 2026-06), to the end of the data, more than the 1,200 months motiv pays at once; give a later --from, or --to too'],
    [['--to', '9999-01'], '--to 9999-01 asks for 95,680 months (2025-10 to 9999-01), from the start of the data, more than the 1,200 months motiv pays at once; give an earlier --to, or --from too'],
  ])('payout %j', async (range, says) => {
    const r = await runCli(['payout', 'schemes/hunter-farmer.yaml', '--data', 'fixtures/hunter-farmer', ...range]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${says}\n`);
  });

  it(`up to ${MAX_SPAN_MONTHS} months pay`, async () => {
    const r = await runCli(['payout', 'schemes/hunter-farmer.yaml', '--data', 'fixtures/hunter-farmer', '--from', formatMonth(month(2026, 6) - MAX_SPAN_MONTHS + 1), '--format', 'csv']);
    expect(r.code).toBe(0);
  });
});

describe('numbers beyond a sane magnitude', () => {
  it('a 1,000,000-digit revenue cell is a located error, refused before it is turned into a fraction', async () => {
    const huge = edited('hunter-farmer', 'transactions.csv', 6, (l) => l.replace(/^(([^,]*,){3})[^,]*/, `$1${'9'.repeat(1_000_000)}`));
    const r = await runCli(['validate', huge]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`transactions.csv:6:23: error: revenue: '${'9'.repeat(57)}...' has more than 30 digits`);
  });

  it('reads digits up to the limits, and says why not past them', () => {
    expect('value' in readNumberCell('999999999999999.99')).toBe(true);
    expect(readNumberCell('1000000000000000')).toEqual({ fault: 'too-large' });
    expect('value' in readNumberCell('999999999999999')).toBe(true);
    expect(readNumberCell('1e15')).toEqual({ fault: 'too-large' });
    expect(readNumberCell('-1e15')).toEqual({ fault: 'too-large' });
    expect('value' in readNumberCell(`0.${'1'.repeat(29)}`)).toBe(true);
    expect(readNumberCell(`0.${'1'.repeat(30)}`)).toEqual({ fault: 'too-many-digits' });
    expect(readNumberCell('12O0')).toEqual({ fault: 'not-a-number' });
  });

  it('an amount thousands of times the rest of its column is a located warning', async () => {
    const big = edited('hunter-farmer', 'transactions.csv', 5, (l) => l.replace('2488.13', '248813000000'));
    const r = await runCli(['validate', big]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('transactions.csv:5:23: warning: revenue: 248,813,000,000 is 82,816,754 times the median revenue (3,004.38) (check for a missing decimal mark or digits too many) [bad-value]');
  });
});

describe('the far-dates and far-amounts logs', () => {
  const at = (line: number) => ({ line, column: 1 });

  it('the span is the part of the business with most rows; a date far from it anywhere is flagged, the rest counted', () => {
    const log = new DateLog();
    const day = (text: string) => parseDay(text)!;
    for (let i = 0; i < 30; i++) log.add('t.csv', 'date', at(i + 2), day(`2026-0${1 + (i % 6)}-10`), { business: true });
    log.add('c.csv', 'signed_date', at(7), day('1990-05-01'));
    log.add('c.csv', 'signed_date', at(8), day('2010-05-01'));
    // a cluster of a few sales 30 years later: not the span, each far
    for (let i = 0; i < 25; i++) log.add('t.csv', 'date', at(100 + i), day('2056-01-10'), { business: true });
    expect(log.span()).toEqual({ start: month(2026, 1), end: month(2026, 6) });
    const problems = log.farDates();
    expect(problems).toHaveLength(21);
    expect(problems[0].message).toBe('signed_date: 1990-05-01 is 36 years before the rest of the data (2026-01 to 2026-06)');
    expect(problems[1].message).toBe('date: 2056-01-10 is 30 years after the rest of the data (2026-01 to 2026-06)');
    expect(problems.at(-1)!.message).toBe('6 more dates are as far from the rest of the data (2026-01 to 2026-06), on lines 119, 120, 121, 122, 123, 124');
    expect(problems.some((p) => p.message.includes('2010-05-01'))).toBe(false);
    expect(FAR_MONTHS).toBe(240);
  });

  it('no business dates, no span, nothing flagged', () => {
    const log = new DateLog();
    log.add('c.csv', 'signed_date', at(2), parseDay('9999-01-01')!);
    expect(log.farDates()).toEqual([]);
  });

  it('amounts: needs twenty values to judge, flags ten thousand times the median', () => {
    const log = new AmountLog();
    for (let i = 0; i < 19; i++) log.add('t.csv', 'revenue', at(i + 2), 100);
    log.add('t.csv', 'revenue', at(30), 1e6);
    expect(log.farAmounts()).toHaveLength(1);
    log.add('t.csv', 'revenue', at(31), 999_999);
    expect(log.farAmounts()).toHaveLength(1);
    const few = new AmountLog();
    for (let i = 0; i < 18; i++) few.add('t.csv', 'revenue', at(i + 2), 100);
    few.add('t.csv', 'revenue', at(30), 1e9);
    expect(few.farAmounts()).toEqual([]);
  });

  it('years below 100 are those years, and print with four digits', () => {
    expect(formatDay(parseDay('0020-10-12')!)).toBe('0020-10-12');
    expect(formatMonth(month(20, 10))).toBe('0020-10');
  });
});
