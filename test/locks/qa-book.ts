import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';

/**
 * The QA round's book, small enough to pay by hand: ana (client c1) and ben
 * (c2), a salary of 1,000 and 10 % commission; with `draw`, a recoverable
 * draw of 2,000 a month too. ana sells 12,000 in January (commission
 * 1,200; with the draw, a top-up of 800, owed back), 30,000 in February and
 * March (3,000 each; the draw's 800 recovered in February); ben 30,000 in
 * January and February.
 */
export function qaBook(folders: (files: Record<string, string>) => string, opts: { draw?: boolean; reps?: string } = {}) {
  const data = folders({
    'reps.csv': opts.reps ?? 'id,name\nana,Ana\nben,Ben\n',
    'clients.csv': 'id,owner\nc1,ana\nc2,ben\n',
    'transactions.csv': 'id,date,client_id,revenue\nt1,2026-01-10,c1,12000\nt2,2026-01-12,c2,30000\nt3,2026-02-10,c1,30000\nt4,2026-02-12,c2,30000\nt5,2026-03-10,c1,30000\n',
  });
  const scheme = join(data, '..', `${data.split(/[\\/]/).pop()}.yaml`);
  writeFileSync(
    scheme,
    `name: Lock QA
currency: EUR
components:
  - {id: salary, type: salary, amount: 1000}
  - {id: commission, type: commission, measure: revenue, rate: 10%}
${opts.draw ? '  - {id: advance, type: draw, amount: 2000, recoverable: true}\n' : ''}`,
  );
  const run = (args: string[]): Promise<CliRun> => runCli(['payout', scheme, '--data', data, ...args]);
  return {
    data,
    run,
    async lock(month: string): Promise<void> {
      const r = await run(['--lock', month]);
      expect(r.code, r.stderr).toBe(0);
    },
    /** rows added to a table of the data after a lock (a header is written for a new adjustments.csv) */
    add(table: 'transactions' | 'adjustments', rows: string): void {
      const file = join(data, `${table}.csv`);
      appendFileSync(file, existsSync(file) ? rows : `rep_id,date,amount,kind,note,variable\n${rows}`);
    },
    async json(args: string[]): Promise<PayoutJson> {
      const r = await run([...args, '--format', 'json', '--explain']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as PayoutJson;
    },
  };
}

export interface JsonLine {
  component: string;
  kind: string;
  amount_minor: number;
  variable: boolean;
  target?: string;
  explain?: { rule: string; arithmetic: string; notes?: string[] };
}

export interface PayoutJson {
  reps: { id: string; months: { month: string; total_minor: number; variable: string; lines: JsonLine[] }[] }[];
  totals: { pay: string; variable: string };
}

export function monthOf(doc: PayoutJson, rep: string, month: string) {
  return doc.reps.find((r) => r.id === rep)!.months.find((m) => m.month === month)!;
}

/** the month's variable pay in minor units, and the sum of its variable lines: one figure, both ways */
export function variableBothWays(m: PayoutJson['reps'][number]['months'][number]): [number, number] {
  return [Math.round(Number(m.variable) * 100), m.lines.filter((l) => l.variable).reduce((a, l) => a + l.amount_minor, 0)];
}
