import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * One broken file (or dataset folder) per failure mode in fixtures/invalid,
 * each with the problem it must produce: its code, where it is, and words
 * the message must contain.
 */
interface Case {
  /** a file or a folder in fixtures/invalid */
  fixture: string;
  /** the file the problem names, when the fixture is a folder */
  file?: string;
  code: string;
  line: number;
  column: number;
  says: string;
}

const CASES: Case[] = [
  // YAML
  { fixture: 'latin1.yaml', code: 'bad-encoding', line: 2, column: 10, says: 'motiv reads UTF-8 text, and this file is not: byte 0xE9 here' },
  { fixture: 'yaml-syntax.yaml', code: 'yaml-syntax', line: 12, column: 12, says: 'the quote " opened here is never closed' },
  { fixture: 'tab-indent.yaml', code: 'yaml-syntax', line: 5, column: 1, says: 'a tab is used for indentation' },
  { fixture: 'extra-indent.yaml', code: 'yaml-syntax', line: 8, column: 6, says: "'recoverable' is indented 1 space more than 'amount' on line 7, so it is read as part of amount's value (if it is a key of the same mapping, start it at column 5, as 'amount'" },
  { fixture: 'unclosed-list.yaml', code: 'yaml-syntax', line: 4, column: 8, says: "the list '[' opened here is never closed" },
  { fixture: 'list-as-key.yaml', code: 'yaml-syntax', line: 7, column: 5, says: 'a key must be a name, not a list' },
  { fixture: 'unknown-anchor.yaml', code: 'yaml-syntax', line: 10, column: 13, says: "did you mean '*base_salary'?" },
  { fixture: 'duplicate-key.yaml', code: 'duplicate-key', line: 8, column: 5, says: "duplicate key 'amount', already given on line 7" },
  { fixture: 'alias-bomb.yaml', code: 'alias-limit', line: 4, column: 8, says: 'aliases here expand to too many values' },
  { fixture: 'proto-key.yaml', code: 'forbidden-key', line: 8, column: 5, says: "key '__proto__' is not allowed" },
  { fixture: 'multiple-documents.yaml', code: 'multiple-documents', line: 6, column: 1, says: 'several YAML documents' },
  { fixture: 'not-a-motiv-file.yaml', code: 'unknown-file-kind', line: 1, column: 1, says: 'cannot tell what kind of motiv file this is' },
  // shape
  { fixture: 'wrong-type.yaml', code: 'wrong-type', line: 8, column: 14, says: "'sometimes' is not true or false at components[0].prorate" },
  { fixture: 'unknown-key.yaml', code: 'unknown-key', line: 8, column: 5, says: "unknown key 'rat' at components[0]; did you mean 'rate'?" },
  { fixture: 'cap-per-quarter.yaml', code: 'bad-value', line: 9, column: 10, says: "components[0].cap is the most one line of the component pays, a number (or the rep's own: {column: NAME} or {formula: ...}), not an amount over a period (to cap what it pays over a quarter, give the component 'period: quarter'" },
  { fixture: 'per-unit-rate.yaml', code: 'unknown-key', line: 8, column: 5, says: "unknown key 'rate' at components[0]: a per_unit component takes 'amount' (paid per unit), not 'rate' ('rate' is a key of commission, upsell, fine, override and growth; allowed here:" },
  { fixture: 'unknown-component-type.yaml', code: 'unknown-component-type', line: 6, column: 11, says: "unknown type 'comission' at components[0]; did you mean 'commission'?" },
  { fixture: 'missing-required.yaml', code: 'missing-key', line: 5, column: 5, says: "missing key 'measure' at components[0]" },
  { fixture: 'bad-month.yaml', code: 'bad-value', line: 8, column: 11, says: "'2026-13' is not valid at components[0].from" },
  { fixture: 'bad-rate.yaml', code: 'bad-value', line: 8, column: 11, says: 'a fraction like 0.05 or a percentage like "5%"' },
  { fixture: 'gate-min-count-words.yaml', code: 'bad-value', line: 11, column: 12, says: "'4 clients' is not valid at components[0].gate.min ('new_clients' is a count: a number, like 4)" },
  { fixture: 'gate-min-count-percent.yaml', code: 'bad-value', line: 11, column: 12, says: "gate min 100% reads as 1: a percentage is a share, and 'activated_clients' is a count (write a number, like 4" },
  { fixture: 'threshold-money-grouped.yaml', code: 'bad-value', line: 9, column: 16, says: "'70 000' is not valid at components[0].threshold; did you mean '70000'? write numbers without grouping ('gross_profit' is money: an amount in EUR, like 70000)" },
  { fixture: 'amount-too-large.yaml', code: 'bad-value', line: 7, column: 13, says: '2000000000000000 is too large: motiv reads numbers below a quadrillion (10^15)' },
  { fixture: 'rate-above-100.yaml', code: 'rate-range', line: 8, column: 11, says: "rate 10 is 1000 %: a rate above 100 % is written as a percentage (if you meant 10 %, write '10%'; if you mean 1000 %, write '1000%')" },
  { fixture: 'age-too-old.yaml', code: 'bad-value', line: 8, column: 33, says: '1000000000 must be <= 1200 at components[0].filter.age_months.from (a whole number of months, 0 to 1200)' },
  { fixture: 'seasonality-count.yaml', code: 'bad-value', line: 8, column: 18, says: 'has 11 items; it needs at least 12' },
  // meaning
  { fixture: 'unknown-currency.yaml', code: 'bad-value', line: 3, column: 11, says: "'EUX' is not an ISO 4217 currency code; did you mean 'EUR'?" },
  { fixture: 'unknown-measure.yaml', code: 'unknown-reference', line: 7, column: 14, says: "unknown measure 'revenu'; did you mean 'revenue'?" },
  { fixture: 'unknown-plan.yaml', code: 'unknown-reference', line: 14, column: 13, says: "unknown plan 'revenue_plna'; did you mean 'revenue_plan'?" },
  { fixture: 'plan-in-prior.yaml', code: 'unknown-reference', line: 8, column: 24, says: "reads plan 'revenue_plan' inside prior(): prior() reads measures over an earlier period" },
  { fixture: 'unknown-role.yaml', code: 'unknown-reference', line: 8, column: 21, says: "role 'farmr' is not declared; did you mean 'farmer'?" },
  { fixture: 'multiplier-missing-component.yaml', code: 'unknown-reference', line: 15, column: 18, says: "component 'comission' that does not exist; did you mean 'commission'?" },
  { fixture: 'duplicate-component-id.yaml', code: 'duplicate-id', line: 8, column: 5, says: "component id 'salary' is already used by components[0]" },
  { fixture: 'circular-reference.yaml', code: 'circular-reference', line: 7, column: 14, says: "'revenue_plan' -> 'profit_plan' -> 'revenue_plan'" },
  { fixture: 'component-cycle.yaml', code: 'circular-reference', line: 10, column: 18, says: "'commission' -> 'bonus' -> 'commission'" },
  { fixture: 'overlapping-tiers.yaml', code: 'tier-overlap', line: 16, column: 18, says: 'band 2 starts at 90%, inside band 1 (which runs to 100%)' },
  { fixture: 'unordered-tiers.yaml', code: 'tier-order', line: 16, column: 18, says: 'bands must ascend' },
  { fixture: 'tier-below-zero.yaml', code: 'bad-value', line: 13, column: 18, says: 'band 1 lies below 0 (from: -5000, to: 0): marginal tiers pay the part of each band between 0 and the basis' },
  { fixture: 'tier-gap.yaml', code: 'tier-gap', line: 16, column: 18, says: 'band 1 ends at 80% but band 2 starts at 90%' },
  { fixture: 'deduction-negative.yaml', code: 'negative-value', line: 8, column: 13, says: "a deduction's amount is what is taken off: -60 would add pay" },
  { fixture: 'growth-floor-above-zero.yaml', code: 'bad-value', line: 9, column: 12, says: "a floor of 100 would pay for no growth at all: a growth line's floor is 0 or below" },
  { fixture: 'reserved-component-id.yaml', code: 'duplicate-id', line: 7, column: 5, says: "component id 'adjustments' is the name of the lines of the data's adjustments.csv" },
  { fixture: 'negative-cap.yaml', code: 'negative-cap', line: 9, column: 10, says: "cap of 'commission' is negative (-1000)" },
  { fixture: 'credit-shares.yaml', code: 'share-sum', line: 5, column: 12, says: 'credit shares add up to 110 %, not 100 %' },
  { fixture: 'bad-formula.yaml', code: 'formula', line: 7, column: 37, says: "formula of plan 'clients_plan': expected expression after +" },
  { fixture: 'measure-named-as-metric.yaml', code: 'unknown-reference', line: 9, column: 14, says: "unknown measure 'clients_sgned'; did you mean 'new_clients'?" },
  { fixture: 'measure-named-as-metric.yaml', code: 'unknown-reference', line: 13, column: 15, says: "uses 'clients_activted', which is neither a measure, a plan, a component nor tenure; did you mean 'activated_clients'?" },
  { fixture: 'formula-unknown-name.yaml', code: 'unknown-reference', line: 7, column: 19, says: "formula of component 'kicker' uses 'revenu', which is neither a measure, a plan, a component nor tenure; did you mean 'revenue'?" },
  { fixture: 'formula-too-long.yaml', code: 'formula', line: 7, column: 1014, says: 'it is 1,277 characters long; a formula may have at most 1,000 (at character 1001)' },
  { fixture: 'formula-too-deep.yaml', code: 'formula', line: 7, column: 64, says: 'it nests more than 50 levels deep (parentheses, function calls and signs) (at character 51)' },
  { fixture: 'plan-without-source.yaml', code: 'missing-key', line: 5, column: 3, says: "needs exactly one of 'monthly', 'column' or 'formula'" },
  { fixture: 'gate-without-basis.yaml', code: 'missing-key', line: 9, column: 5, says: "a gate must look at exactly one of 'plan', 'measure' or 'component'" },
  { fixture: 'per-rep-term-unknown-key.yaml', code: 'unknown-key', line: 8, column: 12, says: "unknown key 'colum' at components[0].rate; did you mean 'column'?" },
  { fixture: 'rate-and-tiers.yaml', code: 'conflict', line: 9, column: 5, says: "needs exactly one of 'rate' or 'tiers'" },
  { fixture: 'wrong-measure-kind.yaml', code: 'wrong-measure-kind', line: 7, column: 14, says: "'new_clients' is a count" },
  { fixture: 'fine-rate-on-count.yaml', code: 'wrong-measure-kind', line: 7, column: 14, says: "a fine component's rate is a share of money, but 'lost_clients' is a count (fine an amount per unit of a count with 'amount:' in place of 'rate:'" },
  { fixture: 'filter-not-applicable.yaml', code: 'filter-not-applicable', line: 9, column: 17, says: "measure 'overdue' cannot be filtered by activity" },
  { fixture: 'dated-values-order.yaml', code: 'date-order', line: 9, column: 16, says: '2026-01 comes after 2026-07' },
  { fixture: 'scenario-typo.yaml', code: 'file-not-found', line: 4, column: 11, says: "the scenario this scheme names, '../../scenarios/freigt.yaml', does not exist; did you mean '../../scenarios/freight.yaml'?" },
  // organisation rules
  { fixture: 'org-unknown-role.yaml', code: 'unknown-reference', line: 11, column: 32, says: "role 'farmr' is neither in the scheme's roles nor under organisation.roles; did you mean 'farmer'?" },
  { fixture: 'org-role-shares.yaml', code: 'share-sum', line: 8, column: 5, says: 'role shares add up to 120 %, more than 100 %' },
  { fixture: 'org-release-without-pool.yaml', code: 'conflict', line: 9, column: 11, says: 'firms released after some months need a pool to go back to' },
  { fixture: 'org-open-with-cap.yaml', code: 'conflict', line: 9, column: 5, says: "an open base ('open: true') has no 'cap'" },
  { fixture: 'org-newcomer-cap.yaml', code: 'bad-value', line: 9, column: 21, says: "a newcomer's cap (100) is below the normal cap (200)" },
  { fixture: 'org-unknown-key.yaml', code: 'unknown-key', line: 9, column: 5, says: "unknown key 'relase_after_months' at organisation.base; did you mean 'release_after_months'?" },
  { fixture: 'org-role-not-declared.yaml', code: 'unknown-reference', line: 10, column: 5, says: "role 'famer' is not among the scheme's roles (hunter, farmer); did you mean 'farmer'?" },
  { fixture: 'org-pair-share.yaml', code: 'bad-value', line: 7, column: 40, says: 'a share of 100 % is not possible here' },
  // scenarios
  { fixture: 'scenario-too-large.yaml', code: 'bad-value', line: 10, column: 25, says: 'holds 1,222,216 prospects and clients (100 reps × (5,000 prospects + 2 signed + 20 active + 30 new prospects × 240 months)) and would need about 2.4 GB of memory in each worker' },
  { fixture: 'scenario-unknown-key.yaml', code: 'unknown-key', line: 14, column: 3, says: "unknown key 'outside_optoin' at departures; did you mean 'outside_option'?" },
  // a shape error and errors of meaning, all in one run
  { fixture: 'several-mistakes.yaml', code: 'bad-value', line: 5, column: 11, says: "'EURO' is not an ISO 4217 currency code; did you mean 'EUR'?" },
  { fixture: 'several-mistakes.yaml', code: 'unknown-reference', line: 7, column: 49, says: "unknown measure 'revenu'; did you mean 'revenue'?" },
  { fixture: 'several-mistakes.yaml', code: 'rate-range', line: 7, column: 63, says: 'rate 5 is 500 %' },
  // test files
  { fixture: 'tests-bad-expectation.test.yaml', code: 'unknown-key', line: 16, column: 9, says: "unknown key 'bonus' at cases[0].expect[0]" },
  { fixture: 'tests-missing-scheme.test.yaml', code: 'file-not-found', line: 2, column: 9, says: "does not exist; did you mean '../../schemes/leads-plan.yaml'?" }, // the path from the test file, as test says it
  { fixture: 'tests-inline-scheme.test.yaml', code: 'unknown-reference', line: 8, column: 16, says: "unknown measure 'gross_proft'; did you mean 'gross_profit'?" },
  { fixture: 'tests-grouped-amount.test.yaml', code: 'bad-value', line: 14, column: 16, says: "'9,100' is not valid at cases[0].expect[0].total; did you mean '9100' (or '9.100' if the comma is a decimal mark)?" },
  { fixture: 'tests-bad-row.test.yaml', code: 'not-a-number', line: 11, column: 54, says: "revenue: 'a thousand' is not a number" },
  // CSV files on their own
  { fixture: 'csv-ragged-row.csv', code: 'csv-ragged-row', line: 3, column: 1, says: 'this row has 5 values but the header names 6 columns' },
  { fixture: 'csv-not-a-number.csv', code: 'not-a-number', line: 3, column: 25, says: "revenue: '12O0.00' is not a number" },
  { fixture: 'csv-too-many-digits.csv', code: 'bad-value', line: 3, column: 25, says: "revenue: '120000000000000000000000000000000.00' has more than 30 digits" },
  { fixture: 'csv-latin1.csv', code: 'bad-encoding', line: 3, column: 9, says: 'motiv reads UTF-8 text, and this file is not: byte 0xE9 here is no UTF-8 character' },
  { fixture: 'csv-utf16.csv', code: 'bad-encoding', line: 1, column: 1, says: 'motiv reads UTF-8 text, and this file is UTF-16' },
  { fixture: 'csv-number-too-large.csv', code: 'bad-value', line: 3, column: 33, says: 'cost: 8e15 is too large: motiv reads numbers below a quadrillion (10^15)' },
  { fixture: 'csv-unpadded-date.csv', code: 'not-a-date', line: 3, column: 4, says: "date: '2026-3-5' is not written YYYY-MM-DD (write it '2026-03-05'" },
  { fixture: 'csv-bad-date.csv', code: 'not-a-date', line: 3, column: 4, says: "date: '2026-02-30' is not a day of the calendar" },
  { fixture: 'csv-negative-hours.csv', code: 'negative-value', line: 3, column: 30, says: 'hours: -3 is negative' },
  { fixture: 'csv-not-whole-number.csv', code: 'not-a-number', line: 2, column: 29, says: 'contacts: 2.5 is not a whole number' },
  { fixture: 'csv-missing-column.csv', code: 'csv-missing-column', line: 1, column: 1, says: "needs a 'revenue' column" },
  { fixture: 'csv-duplicate-column.csv', code: 'csv-duplicate-column', line: 1, column: 34, says: "columns 5 ('revenue') and 6 ('amount') both give revenue" },
  { fixture: 'csv-unclosed-quote.csv', code: 'csv-syntax', line: 3, column: 15, says: 'the quote " opened here is never closed' },
  { fixture: 'csv-stray-quote.csv', code: 'csv-syntax', line: 3, column: 17, says: 'a quote " in the middle of an unquoted value' },
  { fixture: 'csv-empty.csv', code: 'empty-table', line: 1, column: 1, says: 'the file is empty' },
  { fixture: 'csv-empty-cell.csv', code: 'bad-cell', line: 2, column: 15, says: 'client_id: empty' },
  { fixture: 'csv-unknown-table.csv', code: 'unknown-file-kind', line: 1, column: 1, says: 'cannot tell which table this CSV is' },
  { fixture: 'csv-end-before-start.csv', code: 'inconsistent-dates', line: 2, column: 35, says: 'end_date: 2025-12-31 is before start_date 2026-03-01' },
  { fixture: 'csv-bad-status.csv', code: 'bad-value', line: 3, column: 28, says: "status: 'activ' is not a client status; did you mean 'active'?" },
  { fixture: 'csv-share-over-100.csv', code: 'bad-value', line: 2, column: 18, says: 'share: 150% is more than 100 %' },
  { fixture: 'csv-plan-not-a-number.csv', code: 'not-a-number', line: 3, column: 14, says: "revenue_target: 'forty thousand' is not a number" },
  // dataset folders: cross references
  { fixture: 'unknown-rep-id', file: 'transactions.csv', code: 'unknown-id', line: 3, column: 22, says: "rep_id 'bne' is not a rep in reps.csv; did you mean 'ben'?" },
  { fixture: 'unknown-client-id', file: 'transactions.csv', code: 'unknown-id', line: 3, column: 15, says: "client_id 'globexx' is not a client in clients.csv; did you mean 'globex'?" },
  { fixture: 'duplicate-id', file: 'reps.csv', code: 'duplicate-row-id', line: 4, column: 1, says: "rep id 'anna' is already used on line 2" },
  { fixture: 'manager-loop', file: 'reps.csv', code: 'circular-reference', line: 2, column: 23, says: 'managers go round in a loop: anna -> cleo -> ben -> anna' },
  { fixture: 'adjustments', file: 'adjustments.csv', code: 'unknown-id', line: 2, column: 1, says: "rep_id 'anna' is not a rep in reps.csv; did you mean 'ana'?" },
  { fixture: 'adjustments', file: 'adjustments.csv', code: 'not-a-date', line: 3, column: 5, says: "date: '2026-02-30' is not a day of the calendar" },
  { fixture: 'adjustments', file: 'adjustments.csv', code: 'not-a-number', line: 4, column: 16, says: "amount: '1OO' is not a number" },
  { fixture: 'adjustments', file: 'adjustments.csv', code: 'bad-value', line: 5, column: 20, says: "kind: 'bonsu' is not a kind of adjustment; did you mean 'bonus'?" },
  { fixture: 'adjustments', file: 'adjustments.csv', code: 'inconsistent-dates', line: 6, column: 5, says: "date: 2026-05-02 is after rep 'ben' left (end_date 2026-04-30): the adjustment would never be paid" },
  { fixture: 'adjustments', file: 'adjustments.csv', code: 'negative-value', line: 7, column: 16, says: 'amount: -100 is negative, but a bonus adds pay' },
  { fixture: 'adjustments', file: 'adjustments.csv', code: 'bad-value', line: 8, column: 16, says: 'amount: 80 is positive, but a deduction takes pay off' },
  { fixture: 'credit-shares-csv', file: 'credits.csv', code: 'share-sum', line: 2, column: 18, says: "credit shares of client 'acme' on lines 2, 3 add up to 110 %" },
  { fixture: 'credit-days-csv', file: 'credits.csv', code: 'share-sum', line: 3, column: 10, says: "credit shares of client 'acme' on lines 3, 4 add up to 90 % on 2026-04-01, not 100 %" },
  { fixture: 'credit-days-csv', file: 'credits.csv', code: 'inconsistent-dates', line: 5, column: 24, says: 'to: 2026-04-01 is before from 2026-05-01' },
];

const DIR = 'fixtures/invalid';
const shownFile = (c: Case) => `${DIR}/${c.fixture}${c.file ? `/${c.file}` : ''}`;

/** one problem per line: file:line:col: severity: message (hint) [code] */
const PROBLEM_LINE = /^(?<file>[^\s:][^:]*):(?<line>\d+):(?<column>\d+): (?<severity>error|warning): .+ \[(?<code>[a-z-]+)\]$/;

describe('every kind of bad input gets a located one-line error', () => {
  it.each(CASES)('$fixture: $code at $line:$column', async (c) => {
    const r = await runCli(['validate', `${DIR}/${c.fixture}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n').filter((l) => PROBLEM_LINE.test(l));
    const hit = lines.find((l) => l.startsWith(`${shownFile(c)}:${c.line}:${c.column}: error: `) && l.endsWith(`[${c.code}]`));
    expect(hit, `expected ${shownFile(c)}:${c.line}:${c.column}: error: ... [${c.code}] in\n${r.stdout}`).toBeDefined();
    expect(hit).toContain(c.says);
    // nothing but problem lines and the summary: no stack trace, no stray output
    for (const l of r.stdout.trimEnd().split('\n').slice(0, -1)) expect(l).toMatch(PROBLEM_LINE);
    expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it('covers every file and folder in fixtures/invalid', () => {
    const present = readdirSync(join(ROOT, DIR)).sort();
    const covered = [...new Set(CASES.map((c) => c.fixture))].sort();
    expect(present).toEqual(covered);
  });

  it('validate fixtures/invalid/* exits 1 with a located error for each', async () => {
    const all = readdirSync(join(ROOT, DIR)).map((f) => `${DIR}/${f}`);
    const r = await runCli(['validate', ...all]);
    expect(r.code).toBe(1);
    const errors = r.stdout
      .split('\n')
      .map((l) => PROBLEM_LINE.exec(l)?.groups)
      .filter((g) => g?.severity === 'error');
    for (const c of CASES) {
      expect(
        errors.some((g) => g!.file === shownFile(c) && Number(g!.line) === c.line && Number(g!.column) === c.column && g!.code === c.code),
        `${shownFile(c)}:${c.line}:${c.column} [${c.code}]`,
      ).toBe(true);
    }
    const files = new Set(errors.map((g) => g!.file.replace(/^(fixtures\/invalid\/[^/]+).*$/, '$1')));
    expect(files.size).toBe(all.length);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`errors? in ${all.length} of ${all.length} files`));
  });

  it('validate fixtures/invalid (the folder) finds the same files, CSV and dataset folders included', async () => {
    const each = await runCli(['validate', ...readdirSync(join(ROOT, DIR)).map((f) => `${DIR}/${f}`)]);
    const folder = await runCli(['validate', DIR]);
    expect(folder.code).toBe(1);
    expect(folder.stdout).toBe(each.stdout);
  });

  it('reports them as JSON too, each with file, line and column', async () => {
    const r = await runCli(['validate', '--format', 'json', `${DIR}/unknown-key.yaml`, `${DIR}/unknown-rep-id`]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { valid: boolean; files: { file: string; problems: Record<string, unknown>[] }[] };
    expect(out.valid).toBe(false);
    const p = out.files[0].problems[0];
    expect(p).toMatchObject({ code: 'unknown-key', file: `${DIR}/unknown-key.yaml`, line: 8, column: 5, path: ['components', 0, 'rat'] });
    expect(Object.keys(p).sort()).toEqual(['code', 'column', 'file', 'hint', 'line', 'message', 'path', 'severity']);
  });
});

describe('validate --format json', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'motiv-json-order-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("lists a file's problems by place, in the order the text output shows them", async () => {
    // (the duplicate id on line 11 is found by an earlier stage than the count measure on line 9)
    const file = join(tmp, 'dup.yaml');
    writeFileSync(file, 'name: dup ids\ncurrency: EUR\ncomponents:\n  - id: salary\n    type: salary\n    amount: 1000\n  - id: c\n    type: commission\n    measure: deals\n    rate: 5%\n  - id: c\n    type: commission\n    measure: revenue\n    rate: 5%\n');
    const json = await runCli(['validate', '--format', 'json', file]);
    const lines = (JSON.parse(json.stdout) as { files: { problems: { line: number; column: number }[] }[] }).files[0].problems.map((p) => `${p.line}:${p.column}`);
    const text = await runCli(['validate', file]);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines).toEqual([...text.stdout.matchAll(/dup\.yaml:(\d+:\d+): /g)].map((m) => m[1]));
    const place = (l: string) => l.split(':').map(Number);
    expect(lines).toEqual([...lines].sort((a, b) => place(a)[0] - place(b)[0] || place(a)[1] - place(b)[1]));
    expect(lines).toContain('11:5');
  });
});

describe('warnings, strictness and usage', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'motiv-invalid-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const rateScheme = (rate: string) => `name: Rates\ncurrency: EUR\ncomponents:\n  - id: commission\n    type: commission\n    measure: revenue\n    rate: ${rate}\n`;

  it('a rate above 100 % is an error unless written as a percentage; the payout does not run', async () => {
    const plain = join(tmp, 'rate-of-ten.yaml');
    writeFileSync(plain, rateScheme('10'));
    const r = await runCli(['validate', plain]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/rate-of-ten\.yaml:7:11: error: rate 10 is 1000 %: .* \[rate-range\]/);
    const payout = await runCli(['payout', plain, '--data', 'fixtures/hunter-farmer', '--period', '2026-03']);
    expect(payout.code).toBe(1);
    expect(payout.stdout).toBe('');
    for (const written of ['1000 %', '"1000%"']) {
      const explicit = join(tmp, 'rate-explicit.yaml');
      writeFileSync(explicit, rateScheme(written));
      const ok = await runCli(['validate', explicit]);
      expect(ok.code, written).toBe(0);
      expect(ok.stdout).not.toContain('rate-range');
    }
  });

  it('every rate of pay is checked alike: tier rates, dated rates, a fine', async () => {
    const file = join(tmp, 'rates-everywhere.yaml');
    writeFileSync(
      file,
      [
        'name: Rates everywhere',
        'currency: EUR',
        'plans:',
        '  p: {measure: revenue, monthly: 1000}',
        'components:',
        '  - id: tiered',
        '    type: commission',
        '    measure: revenue',
        '    tiers:',
        '      plan: p',
        '      bands:',
        '        - {from: 0, to: 100%, rate: 1.5}',
        '        - {from: 100%, rate: [{value: 10%}, {from: 2026-03, value: 2}]}',
        '  - id: late',
        '    type: fine',
        '    measure: overdue',
        '    rate: 3',
        '  - id: negative',
        '    type: upsell',
        '    measure: gross_profit',
        '    baseline: {months: 3}',
        '    rate: -0.05',
        '',
      ].join('\n'),
    );
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(1);
    const found = r.stdout.split('\n').filter((l) => l.endsWith('[rate-range]')).map((l) => l.replace(/^[^:]+:(\d+:\d+): (\w+): rate (\S+) .*$/, '$1 $2 $3'));
    expect(found).toEqual(['12:37 error 1.5', '13:68 error 2', '17:11 error 3', '22:11 warning -0.05']);
  });

  it('the bundled schemes are valid', async () => {
    const schemes = readdirSync(join(ROOT, 'schemes')).filter((f) => /\.ya?ml$/.test(f) && !f.includes('.test.'));
    const r = await runCli(['validate', ...schemes.map((f) => `schemes/${f}`)]);
    expect(r.code).toBe(0);
  });

  it('no files is a usage error: exit 2', async () => {
    const r = await runCli(['validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'files'");
  });

  it('a bad --format is a usage error: exit 2', async () => {
    const r = await runCli(['validate', '--format', 'xml', `${DIR}/unknown-key.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('xml');
  });

  it('a file that does not exist is invalid input: exit 1', async () => {
    const r = await runCli(['validate', 'fixtures/invalid/no-such-file.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("no such file or folder 'fixtures/invalid/no-such-file.yaml'");
  });
});

/** every [container, key] in a plain value, containers included, to replace one */
function leaves(value: unknown, out: [object, string | number][] = []): [object, string | number][] {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push([value, Array.isArray(value) ? Number(k) : k]);
      leaves(v, out);
    }
  }
  return out;
}

describe('random input never crashes validate', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'motiv-fuzz-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  let n = 0;
  // fixed seeds keep CI reproducible; MOTIV_FUZZ_SCALE=20 MOTIV_FUZZ_SEED=7 searches further
  const scale = Number(process.env.MOTIV_FUZZ_SCALE ?? 1);
  const runs = (numRuns: number, seed: number) => ({ numRuns: Math.ceil(numRuns * scale), seed: process.env.MOTIV_FUZZ_SEED ? Number(process.env.MOTIV_FUZZ_SEED) + seed : seed });

  /** validate one generated file (or folder); it must exit 0 or 1 with every problem located, never throw */
  async function validates(name: string, content: string | Uint8Array | Record<string, string>): Promise<void> {
    const dir = join(tmp, String(n++));
    mkdirSync(dir);
    const path = join(dir, name);
    if (typeof content === 'object' && !(content instanceof Uint8Array)) {
      mkdirSync(path);
      for (const [f, text] of Object.entries(content)) writeFileSync(join(path, f), text);
    } else writeFileSync(path, content);
    const r = await runCli(['validate', path]);
    expect([0, 1], `exit ${r.code} for ${path}\n${r.stderr}`).toContain(r.code);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    // a dataset folder without one of its files is the one problem with no line to point at
    for (const l of lines.slice(0, -1)) if (!l.startsWith('✓') && !/^\S+: error: .* has no \w+\.csv .*\[file-not-found\]$/.test(l)) expect(l).toMatch(PROBLEM_LINE);
    rmSync(dir, { recursive: true, force: true });
  }

  const YAML_TOKENS = [
    'name', 'currency', 'components', 'plans', 'credit', 'cases', 'id', 'type', 'salary', 'commission', 'multiplier', 'bonus', 'measure',
    'revenue', 'rate', 'tiers', 'bands', 'from', 'to', 'amount', 'cap', 'gate', 'plan', 'formula', 'split', 'scheme', 'expect', '__proto__',
    ':', ': ', '- ', '  ', '\n', '\n  ', '\n    - ', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '<<: ', '# c', '|', '>', '---', '\t', '? ',
    '!', '!!binary ', '%', '5%', '0.05', '-1', '1e400', '.inf', '2026-13', 'EUR', 'null', '~', 'true', '\\', '\u0000', '\u00e9', '\ufeff',
  ];
  const CSV_TOKENS = ['id', 'date', 'client_id', 'rep_id', 'revenue', 'cost', 'month', 'hours', 'share', 'anna', 'acme', '2026-03-02', '2026-02-30', '12,5', '1 234,56', '(12)', '-3', '"', '""', ',', ';', '\t', '\n', '\r\n', ' ', '\ufeff', 'x'];
  const tokens = (list: string[]) => fc.array(fc.constantFrom(...list), { maxLength: 80 }).map((t) => t.join(''));
  const scheme = readFileSync(join(ROOT, 'schemes/leads-plan.yaml'), 'utf8');
  const mutated = fc
    .tuple(fc.nat(scheme.length), fc.nat(40), fc.oneof(tokens(YAML_TOKENS), fc.string({ maxLength: 10 })))
    .map(([at, cut, insert]) => scheme.slice(0, at) + insert + scheme.slice(at + cut));
  const csvHeader = fc.constantFrom('id,date,client_id,rep_id,revenue,cost\n', 'month,rep_id,client_id,hours,contacts\n', 'client_id,rep_id,role,share\n', 'id,name,role,manager\n', '');

  it('garbage bytes as YAML and as CSV', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('garbage.yaml', 'garbage.csv', 'transactions.csv'), (bytes, name) => validates(name, bytes)),
      runs(150, 20260301),
    );
  });

  it('YAML made of motiv words and YAML punctuation', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(tokens(YAML_TOKENS), fc.string({ maxLength: 200 })), (text) => validates('random.yaml', text)), runs(300, 20260302));
  });

  it('a bundled scheme with a random cut and insertion', async () => {
    await fc.assert(fc.asyncProperty(mutated, (text) => validates('mutated.yaml', text)), runs(300, 20260303));
  });

  it('a bundled scheme with one value replaced by another of any shape', async () => {
    const schemes = readdirSync(join(ROOT, 'schemes'))
      .filter((f) => /\.ya?ml$/.test(f) && !f.includes('.test.'))
      .map((f) => parse(readFileSync(join(ROOT, 'schemes', f), 'utf8')) as unknown);
    // a test file with the scheme inline and rows of its own, so that its checks are reached too
    schemes.push({
      scheme: schemes[0],
      cases: [
        {
          name: 'one sale',
          period: '2026-03',
          reps: [{ id: 'anna', manager: '' }],
          clients: [{ id: 'acme', owner: 'anna', signed_date: '2026-01-10' }],
          transactions: [{ date: '2026-03-05', client_id: 'acme', revenue: 1000 }],
          expect: [{ rep: 'anna', total: 1730 }],
        },
      ],
    });
    const odd = fc.constantFrom<unknown>(0, -1, 5, 1e-9, 1e21, '5%', '-5%', '150%', '', 'x', [], {}, null, true, '2026-01', '2026-13',
      [{ from: '2026-01', value: 1 }, { from: '2025-01', value: 2 }], { plan: 'revenue_plan' }, { measure: 'revenue' }, { component: 'salary' },
      [{ from: 0, rate: 0.1 }, { from: 0.5, rate: 0.2 }], [{ from: 1, to: 0.5, factor: -1 }], 'revenue', 'gross_profit', 'salary', 'commission');
    const edited = fc.tuple(fc.constantFrom(...schemes), fc.nat(), fc.oneof(odd, fc.jsonValue({ maxDepth: 2 }))).map(([doc, pick, value]) => {
      const copy = structuredClone(doc);
      const places = leaves(copy);
      const [holder, key] = places[pick % places.length];
      (holder as Record<string | number, unknown>)[key] = value;
      return stringify(copy);
    });
    await fc.assert(fc.asyncProperty(edited, (text) => validates('edited.yaml', text)), runs(300, 20260306));
  });

  it('CSV with a known header and random rows', async () => {
    await fc.assert(
      fc.asyncProperty(csvHeader, tokens(CSV_TOKENS), fc.constantFrom('random.csv', 'activity.csv', 'credits.csv'), (header, body, name) => validates(name, header + body)),
      runs(200, 20260304),
    );
  });

  it('dataset folders with random tables', async () => {
    const table = fc.tuple(csvHeader, tokens(CSV_TOKENS)).map(([h, b]) => h + b);
    await fc.assert(
      fc.asyncProperty(table, table, table, (reps, clients, transactions) =>
        validates('dataset', { 'reps.csv': `id,name,manager\n${reps}`, 'clients.csv': `id,owner\n${clients}`, 'transactions.csv': transactions }),
      ),
      runs(100, 20260305),
    );
  });
});
