import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DATA = 'fixtures/statuses/data';
const SCHEME = 'fixtures/statuses/scheme.yaml';

describe('transaction statuses through the CLI', () => {
  it('validate on a dataset alone counts the rows the default rule leaves out, at the first one, and passes', async () => {
    const r = await runCli(['validate', DATA]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `${DATA}/transactions.csv:4:24: warning: 2 transactions are left out of every measure by status (1 draft, 1 cancelled): by default 'draft', 'pending', 'cancelled', 'lost', 'closed lost', 'void', 'rejected' and 'declined' do not count`,
    );
    expect(r.stdout).toContain(`${DATA}/transactions.csv:5:23: warning: status 'Wonn' (1 row; did you mean 'won'?) counts as a sale by default, but motiv does not know it`);
  });

  it("validate on a CRM export leaves its lost and void deals out and names the statuses it does not know", async () => {
    const r = await runCli(['validate', 'fixtures/statuses/crm-export']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning: 2 transactions are left out of every measure by status (1 closed lost, 1 void)');
    expect(r.stdout).toContain(
      "fixtures/statuses/crm-export/transactions.csv:5:23: warning: statuses 'Refunded' (1 row), 'Open' (2 rows) and 'Wonn' (1 row; did you mean 'won'?) count as sales by default",
    );
    expect(r.stdout).toContain('transactions: {count_statuses: [closed won, refunded, open]}');
  });

  it("validate with the scheme reads its count_statuses and points at a likely typo with a did-you-mean", async () => {
    const r = await runCli(['validate', SCHEME, DATA]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${DATA}/transactions.csv:4:24: warning: 3 transactions are left out of every measure by status (1 draft, 1 wonn, 1 cancelled): the scheme counts only 'won' and 'closed'`);
    expect(r.stdout).toContain(`${DATA}/transactions.csv:5:23: warning: status 'Wonn' is not one the scheme counts ('won' and 'closed'); did you mean 'won'?`);
    expect(r.stdout).toContain('[unknown-label]');
  });

  it('payout pays on the won and closed rows only, and warns on stderr', async () => {
    const r = await runCli(['payout', SCHEME, '--data', DATA, '--period', '2026-03', '--format', 'csv']);
    expect(r.code).toBe(0);
    // (10,000 + 4,000) x 5 %
    expect(r.stdout).toMatch(/ana,.*commission,commission,pay,2026-03,700\.00/);
    expect(r.stderr).toContain("did you mean 'won'?");
  });

  it('passes the statuses worked by hand, with and without count_statuses', async () => {
    const r = await runCli(['test', 'fixtures/statuses/']);
    expect(r.stdout).toContain('3 passed (3 cases in 2 files)');
    expect(r.code).toBe(0);
  });
});
