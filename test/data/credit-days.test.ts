import { describe, expect, it } from 'vitest';
import { overlappingCredits } from '../../src/core/data/check-credit-days.js';
import { parseDay } from '../../src/core/time/month.js';
import type { CreditRow } from '../../src/core/types.js';

const day = (text: string) => parseDay(text)!;
const row = (line: number, rep: string, role: string, from?: string, to?: string): CreditRow => ({
  client: 'acme',
  rep,
  role,
  share: undefined,
  ...(from ? { from: day(from) } : {}),
  ...(to ? { to: day(to) } : {}),
  source: { file: 'credits.csv', line },
});

describe('dated credits.csv rows of one role that hold on a common day', () => {
  it('are a warning at the later row, naming the first day both hold: a row left open', () => {
    const p = overlappingCredits([row(2, 'ana', 'closer', undefined, '2026-05-31'), row(3, 'ben', 'closer', '2026-04-01')]);
    expect(p.map((x) => [x.severity, x.code, x.line, x.message])).toEqual([
      ['warning', 'inconsistent-dates', 3, "rows 2 and 3 both name the closer of client 'acme' on 2026-04-01: the credit is split between 'ana' and 'ben' on the days both hold"],
    ]);
    expect(p[0].hint).toBe('end one row the day before the next starts (to: 2026-03-31), or drop one');
    expect(overlappingCredits([row(2, 'ana', 'owner', '2026-01-01'), row(3, 'ben', 'owner', '2026-06-01')])).toHaveLength(1);
  });

  it('are nothing to say when one ends before the next starts, for a role of several holders, or for undated rows', () => {
    expect(overlappingCredits([row(2, 'ana', 'closer', undefined, '2026-03-31'), row(3, 'ben', 'closer', '2026-04-01')])).toEqual([]);
    expect(overlappingCredits([row(2, 'ana', 'pair', '2026-01-01'), row(3, 'ben', 'pair', '2026-01-01')])).toEqual([]);
    expect(overlappingCredits([row(2, 'ana', 'closer'), row(3, 'ben', 'closer')])).toEqual([]);
  });
});
