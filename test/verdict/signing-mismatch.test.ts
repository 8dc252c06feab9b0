import { describe, expect, it } from 'vitest';
import { signingMismatch, signingsByMonth } from '../../src/core/verdict/signing-mismatch.js';
import { parseDay, parseMonth } from '../../src/core/time/month.js';
import { runCli } from '../helpers/cli.js';

const months = (from: string, n: number) => Array.from({ length: n }, (_, i) => parseMonth(from)! + i);

describe('a simulation from data whose scenario signs clients far from the data', () => {
  it('is a warning saying both rates and to calibrate first, beyond a factor of 2 either way', () => {
    const base = { months: months('2025-07', 12), signed: [1, 2, 1, 1, 2, 1, 2, 1, 2, 1, 2, 1], simulatedMonths: 36, scenario: 'scenarios/freight.yaml', data: 'fixtures/freight' };
    const far = signingMismatch({ ...base, simulatedSigned: 398 });
    expect(far).toMatchObject({ code: 'scenario-unfitted', severity: 'warning' });
    expect(far!.message).toBe(
      "the simulation signs 11 clients a month, 7.8 times the data's 1.4 a month (2025-07 to 2026-06): scenario scenarios/freight.yaml is not fitted to this data, so the projection continues the book in another market",
    );
    expect(far!.hint).toBe("run 'motiv calibrate --data fixtures/freight --out fitted.yaml' first, and simulate with --scenario fitted.yaml");
    expect(signingMismatch({ ...base, simulatedSigned: 12 })!.message).toContain("signs 0.3 clients a month, 4.3 times fewer than the data's 1.4 a month");
    // within a factor of 2: nothing
    expect(signingMismatch({ ...base, simulatedSigned: 36 * 2.5 })).toBeUndefined();
    expect(signingMismatch({ ...base, simulatedSigned: 36 * 0.8 })).toBeUndefined();
    // a simulation that signs no prospect (a world of inbound leads, calibrated or not): nothing
    expect(signingMismatch({ ...base, simulatedSigned: 0 })).toBeUndefined();
    // too few months or signings of the data to tell
    expect(signingMismatch({ ...base, months: months('2026-05', 2), signed: [3, 3], simulatedSigned: 398 })).toBeUndefined();
    expect(signingMismatch({ ...base, signed: [0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0], simulatedSigned: 398 })).toBeUndefined();
  });

  it("counts the data's signings by month, by signed date else activated date, inbound accounts left out", () => {
    const c = (signed?: string, activated?: string, status = 'active') => ({ signed: signed && parseDay(signed), activated: activated && parseDay(activated), status }) as never;
    expect(signingsByMonth([c('2026-01-05'), c(undefined, '2026-02-10'), c('2026-02-01', undefined, 'inbound'), c('2025-12-31'), c()], months('2026-01', 2))).toEqual([1, 1]);
  });

  it('is said by simulate --data with a scenario not fitted to it (QA: freight signs 8 times its history), and not without --data', async () => {
    const r = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--data', 'fixtures/freight', '--runs', '2', '--months', '6', '--workers', '1', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: the simulation signs [\d.]+ clients a month, [\d.]+ times the data's [\d.]+ a month \(\d{4}-\d{2} to 2026-06\): scenario scenarios\/freight\.yaml is not fitted to this data.*motiv calibrate --data fixtures\/freight .*\[scenario-unfitted\]/);
    const plain = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--runs', '2', '--months', '6', '--workers', '1', '--quiet']);
    expect(plain.stderr).not.toContain('scenario-unfitted');
  });
});
