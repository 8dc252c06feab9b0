import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** a rep whose name is markup: every page must show it as text */
export const SCRIPT_NAME = '<script>alert(1)</script>';

/**
 * A small scheme and dataset for statements, with figures worked out by
 * hand: commission 10 % of revenue, a bonus of 100 when the revenue plan of
 * 10,000 a month is met, a recoverable draw of 1,000 a month. Rep 'a' (named
 * SCRIPT_NAME) sells 3,000, 15,000, 14,000 in January to March 2026:
 * commission 300, 1,500, 1,400; bonus 0, 100, 100; draw +700, -600, -100;
 * totals 1,000.00, 1,000.00, 1,400.00 (year to date 1,000.00, 2,000.00,
 * 3,400.00); draws outstanding 700.00, 100.00, 0.00. Rep 'x/y' (a slash in
 * the id) sells 12,000 in March only: draws 1,000, 1,000, -300, outstanding
 * 1,000.00, 2,000.00, 1,700.00; attainment in March 120 %.
 */
export function statementFixture(): { scheme: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), 'motiv-statements-'));
  const scheme = join(dir, 'scheme.yaml');
  writeFileSync(
    scheme,
    `name: Draw & plan <test>
currency: EUR
plans:
  revenue_plan:
    measure: revenue
    monthly: 10000
components:
  - {id: commission, type: commission, measure: revenue, rate: 10%}
  - {id: bonus, type: bonus, plan: revenue_plan, threshold: 100%, amount: 100}
  - {id: advance, type: draw, amount: 1000, recoverable: true}
`,
  );
  const data = join(dir, 'data');
  const files: Record<string, string> = {
    'reps.csv': `id,name\na,"${SCRIPT_NAME}"\nx/y,Yves\n`,
    'clients.csv': 'id,owner\nc1,a\nc2,x/y\n',
    'transactions.csv': 'id,date,client_id,revenue,cost\nt1,2026-01-15,c1,3000,0\nt2,2026-02-15,c1,15000,0\nt3,2026-03-15,c1,14000,0\nt4,2026-03-20,c2,12000,0\n',
  };
  mkdirData(data, files);
  return { scheme, data };
}

function mkdirData(dir: string, files: Record<string, string>): void {
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}
