import { describe, expect, it } from 'vitest';
import { ACTIVE, LOST, PROSPECT, SIGNED } from '../../src/core/sim/world.js';
import { engineClient } from '../../src/core/sim/state.js';
import { P, R, REP_METRICS } from '../../src/core/sim/metrics.js';
import { bundled, meanOf, monthly, play, roleMean, scenarioText, schemeText } from '../helpers/sim.js';
import { once } from '../helpers/once.js';

/**
 * Each organisation rule alone, on a small scenario, with a consequence that
 * can be checked month by month.
 */
const PAY = `currency: EUR\ncomponents:\n  - {id: base, type: salary, amount: 1000}\n  - {id: c, type: commission, measure: revenue, rate: 2%}\n`;
const radio = scenarioText(bundled('scenarios/radio.yaml').replace(/departures:[\s\S]*?ramp_start: 0.5\n/, ''));

describe('a cap on the base', () => {
  it('no rep ever owns more than K firms', () => {
    const K = 120;
    let checked = 0;
    play(radio, schemeText(`name: capped\n${PAY}organisation:\n  base: {cap: ${K}}\n`), 3, {
      months: 12,
      observe: (s) => {
        const owned = new Int32Array(s.reps.length);
        for (let i = 0; i < s.w.count; i++) if (s.w.owner[i] >= 0 && s.w.state[i] !== LOST) owned[s.w.owner[i]]++;
        for (const n of owned) expect(n).toBeLessThanOrEqual(K);
        checked++;
      },
    });
    expect(checked).toBe(36);
  });

  it('a cap on clients stops a full rep hunting, and keeps his clients within it', () => {
    const K = 20;
    let checked = 0;
    let hunted = 0;
    let full: Int32Array | undefined;
    play(radio, schemeText(`name: capped clients\n${PAY}organisation:\n  base: {cap: ${K}, counts: [signed, active]}\n`), 2, {
      months: 12,
      observe: (s) => {
        const clients = new Int32Array(s.reps.length);
        for (let i = 0; i < s.w.count; i++) if (s.w.owner[i] >= 0 && s.w.state[i] !== LOST && s.w.state[i] !== PROSPECT) clients[s.w.owner[i]]++;
        for (const n of clients) expect(n).toBeLessThanOrEqual(K);
        // a rep full at the end of last month (nothing frees room in between here) spends no hour on prospects
        if (s.t === 0) full = undefined;
        if (full) {
          for (let i = 0; i < s.w.count; i++) {
            const r = s.w.owner[i];
            if (r < 0 || s.w.state[i] !== PROSPECT) continue;
            if (full[r]) expect(s.w.hoursPrev[i]).toBe(0);
            else hunted += s.w.hoursPrev[i];
          }
        }
        full = clients.map((n) => (n >= K ? 1 : 0));
        checked++;
      },
    });
    expect(checked).toBe(24);
    expect(hunted).toBeGreaterThan(0);
  });
});

describe('release to the pool', () => {
  it('no owned firm goes N months without an order', () => {
    const N = 3;
    let checked = 0;
    play(radio, schemeText(`name: release\n${PAY}organisation:\n  base: {cap: 200, release_after_months: ${N}}\n`), 3, {
      months: 12,
      observe: (s) => {
        for (let i = 0; i < s.w.count; i++) {
          if (s.w.owner[i] < 0 || s.w.state[i] === LOST || s.t < s.lockedUntil[s.w.owner[i]]) continue;
          expect(s.t + 1 - s.w.quietSince[i]).toBeLessThan(N);
          checked++;
        }
      },
    });
    expect(checked).toBeGreaterThan(1000);
  });

  it('firms released go to the pool, and reps with room take them back', () => {
    const r = play(radio, schemeText(`name: pool\n${PAY}organisation:\n  base: {cap: 200, release_after_months: 3}\n`), 3, { months: 12 });
    expect(meanOf(r, 'pool_size_end')).toBeGreaterThan(0);
  });
});

describe('roles', () => {
  const freight = scenarioText(bundled('scenarios/freight.yaml'));
  const results = once(() => play(freight, schemeText(bundled('schemes/hunter-farmer.yaml')), 3, { months: 12 }));

  it('a restricted role spends no hour outside its activities', () => {
    // hunter-farmer.yaml: hunters prospect and sign (role 0); farmers work signed and active clients (role 1)
    expect(roleMean(results(), 0, 'effort.active')).toBe(0);
    expect(roleMean(results(), 0, 'effort.leads')).toBe(0);
    expect(roleMean(results(), 1, 'effort.prospect')).toBe(0);
    expect(roleMean(results(), 1, 'effort.leads')).toBe(0);
  });

  it('the roles split the team by their shares', () => {
    expect(roleMean(results(), 0, 'reps')).toBe(6);
    expect(roleMean(results(), 1, 'reps')).toBe(2);
  });

  it('after the handover, clients belong to farmers', () => {
    let checked = 0;
    play(freight, schemeText(bundled('schemes/hunter-farmer.yaml')), 1, {
      months: 8,
      observe: (s) => {
        for (let i = 0; i < s.w.count; i++) {
          const st = s.w.state[i];
          if (st === LOST || st === PROSPECT || s.w.owner[i] < 0) continue;
          if (s.t - s.w.signedAt[i] + 1 >= 1 && s.w.signedAt[i] <= s.t) {
            expect(s.role[s.w.owner[i]]).toBe('farmer');
            checked++;
          }
        }
      },
    });
    expect(checked).toBeGreaterThan(100);
  });
});

describe('departures', () => {
  const withDepartures = scenarioText(bundled('scenarios/departures.yaml'));
  const without = scenarioText(bundled('scenarios/departures.yaml').replace(/departures:[\s\S]*?ramp_start: 0.5\n/, 'departures: false\n'));
  const scheme = schemeText(`name: accounts\n${PAY}`);

  it('switched off, nobody leaves', () => {
    const r = play(without, scheme, 5, { months: 24 });
    expect(meanOf(r, 'reps_departed')).toBe(0);
    expect(meanOf(r, 'clients_left_with_rep')).toBe(0);
  });

  it('switched on, reps leave, some clients follow, and replacements are hired', () => {
    let hired = 0;
    const r = play(withDepartures, scheme, 5, {
      months: 24,
      observe: (s) => {
        for (let k = 0; k < s.reps.length; k++) if (s.generation[k] > 0) hired++;
      },
    });
    expect(meanOf(r, 'reps_departed')).toBeGreaterThan(0);
    expect(meanOf(r, 'clients_left_with_rep')).toBeGreaterThan(0);
    expect(hired).toBeGreaterThan(0);
  });

  it("the slots' pay over the horizon adds up to the run's pay_total, vacancies and replacements included", () => {
    const r = play(withDepartures, scheme, 5, { months: 24, detail: true });
    expect(meanOf(r, 'reps_departed')).toBeGreaterThan(0);
    const RW = REP_METRICS.length;
    for (const run of r) {
      let slots = 0;
      for (let o = P.pay_total; o < run.reps!.length; o += RW) slots += run.reps![o];
      expect(slots).toBeCloseTo(run.metrics[R.pay_total], 6);
    }
  });

  it('with pair work fewer clients leave with a departing rep than without, same seed', () => {
    const alone = play(withDepartures, schemeText(`name: alone\n${PAY}`), 40, { months: 24, seed: 5 });
    const paired = play(withDepartures, schemeText(`name: paired\n${PAY}organisation:\n  pairs: {share: 0.5}\n`), 40, { months: 24, seed: 5 });
    const perDeparture = (r: typeof alone) => meanOf(r, 'clients_left_with_rep') / Math.max(1e-9, meanOf(r, 'reps_departed'));
    expect(perDeparture(paired)).toBeLessThan(perDeparture(alone));
    expect(meanOf(paired, 'clients_left_with_rep')).toBeLessThan(meanOf(alone, 'clients_left_with_rep'));
  });
});

describe('inbound leads', () => {
  const leads = scenarioText(bundled('scenarios/leads.yaml'));

  it('when leads outnumber the hours, some go unprocessed and are lost', () => {
    const r = play(leads, schemeText(bundled('schemes/leads-plan.yaml')), 3, { months: 6 });
    expect(meanOf(r, 'leads_unprocessed_share')).toBeGreaterThan(0.05);
    expect(meanOf(r, 'leads_processed_share') + meanOf(r, 'leads_unprocessed_share')).toBeCloseTo(1, 9);
  });

  it('a pool of leads is shared out by who has time, with the same leads lost or won as the reps choose', () => {
    const pooled = play(leads, schemeText(bundled('schemes/leads-plan.yaml').replace('distribution: equal', 'distribution: pool')), 3, { months: 6 });
    expect(meanOf(pooled, 'leads_processed_share')).toBeGreaterThan(0);
  });
});

describe('newcomers and veterans', () => {
  const radioPool = schemeText(bundled('schemes/radio-pool.yaml'));
  const withDepartures = scenarioText(bundled('scenarios/radio.yaml'));

  it("a veteran's base grows with his active clients, up to the scheme's most; a newcomer's is locked and may be bigger", () => {
    let grown = 0;
    let locked = 0;
    let lockedBig = 0;
    play(withDepartures, radioPool, 4, {
      months: 24,
      observe: (s) => {
        const owned = new Int32Array(s.reps.length);
        const active = new Int32Array(s.reps.length);
        for (let i = 0; i < s.w.count; i++) {
          const r = s.w.owner[i];
          if (r < 0 || s.w.state[i] === LOST) continue;
          owned[r]++;
          if (s.w.state[i] === ACTIVE) active[r]++;
        }
        for (let r = 0; r < s.reps.length; r++) {
          if (!s.employed[r]) continue;
          if (s.t < s.lockedUntil[r]) {
            locked++;
            expect(owned[r]).toBeLessThanOrEqual(300);
            if (owned[r] > 250) lockedBig++;
            continue;
          }
          // the cap the month started with (active clients may have come and gone since): never above 250
          expect(owned[r]).toBeLessThanOrEqual(250 + 3);
          if (owned[r] > 150) grown++;
        }
      },
    });
    expect(grown).toBeGreaterThan(0);
    expect(locked).toBeGreaterThan(0);
    expect(lockedBig).toBeGreaterThan(0);
  });
});

describe('segment rules', () => {
  const accounts = scenarioText(bundled('scenarios/departures.yaml').replace(/departures:[\s\S]*?ramp_start: 0.5\n/, 'departures: false\n'));
  const scheme = schemeText(
    `name: vip supervisor\n${PAY}organisation:\n  roles:\n    manager: {activities: [prospect, signed, active]}\n    supervisor: {activities: [signed, active], count: 1}\n  segments:\n    vip: {role: supervisor}\n`,
  );

  it('VIP clients, once signed, belong to the supervisor; the others stay with the managers', () => {
    let vip = 0;
    let others = 0;
    play(accounts, scheme, 2, {
      months: 12,
      observe: (s) => {
        for (let i = 0; i < s.w.count; i++) {
          const st = s.w.state[i];
          // signed before this month (a signing moves at the start of the next), during the run: the book at the start is as the data had it
          if ((st !== SIGNED && st !== ACTIVE) || s.w.owner[i] < 0 || s.w.signedAt[i] >= s.t || s.w.signedAt[i] < 1) continue;
          const role = s.role[s.w.owner[i]];
          if (s.sc.segments[s.w.segment[i]].name === 'vip') {
            expect(role).toBe('supervisor');
            vip++;
          } else {
            expect(role).toBe('manager');
            others++;
          }
        }
      },
    });
    expect(vip).toBeGreaterThan(20);
    expect(others).toBeGreaterThan(200);
  });
});

describe('rotation', () => {
  const accounts = scenarioText(bundled('scenarios/departures.yaml'));

  it('every N months each base changes hands and every relationship starts again', () => {
    const N = 6;
    let prev: Int32Array | undefined;
    let moved = 0;
    play(accounts, schemeText(`name: rotation\n${PAY}organisation:\n  rotation: {every_months: ${N}}\n`), 1, {
      months: 18,
      observe: (s) => {
        for (let i = 0; i < s.w.count; i++) {
          if (s.w.owner[i] < 0 || s.w.state[i] === LOST) continue;
          // a relationship grows by at most one a month, from zero at the last rotation (the starting book's is older)
          if (s.t >= N) expect(s.w.relationship[i]).toBeLessThanOrEqual((s.t % N) + 1);
          if (prev && s.t % N === 0 && i < prev.length && prev[i] >= 0 && s.w.state[i] !== PROSPECT && s.employed[prev[i]] && s.generation[prev[i]] === 0) {
            expect(s.w.owner[i]).not.toBe(prev[i]);
            moved++;
          }
        }
        prev = s.w.owner.slice(0, s.w.count);
      },
    });
    expect(moved).toBeGreaterThan(100);
  });

  it('with rotation fewer clients leave with a departing manager than without, same seed', () => {
    const alone = play(accounts, schemeText(`name: alone\n${PAY}`), 40, { months: 24, seed: 5 });
    const rotated = play(accounts, schemeText(`name: rotated\n${PAY}organisation:\n  rotation: {every_months: 6}\n`), 40, { months: 24, seed: 5 });
    const perDeparture = (r: typeof alone) => meanOf(r, 'clients_left_with_rep') / Math.max(1e-9, meanOf(r, 'reps_departed'));
    expect(perDeparture(rotated)).toBeLessThan(perDeparture(alone));
  });
});

describe('relationships', () => {
  const quiet = (yaml: string) => yaml.replace(/departures:[\s\S]*?ramp_start: 0.5\n/, 'departures: false\n');
  const base = bundled('scenarios/departures.yaml');
  const scheme = schemeText(`name: accounts\n${PAY}`);

  it('grow with months of contact: a longer relationship loses fewer clients and sells more, same seed', () => {
    const none = play(scenarioText(quiet(base).replace(/relationship: \{[^}]*\}/, 'relationship: {months_to_full: 24, churn_cut: 0, wallet_boost: 0, annoyance: 0}')), scheme, 10, { months: 24, seed: 3 });
    const strong = play(scenarioText(quiet(base).replace(/relationship: \{[^}]*\}/, 'relationship: {months_to_full: 24, churn_cut: 0.6, wallet_boost: 0.6, annoyance: 0}')), scheme, 10, { months: 24, seed: 3 });
    expect(meanOf(strong, 'clients_lost')).toBeLessThan(meanOf(none, 'clients_lost'));
    expect(meanOf(strong, 'revenue')).toBeGreaterThan(meanOf(none, 'revenue'));
  });

  it('a client called by two reps of the firm who do not agree who calls is lost more often', () => {
    const sc = scenarioText(quiet(base).replace(/relationship: \{[^}]*\}/, 'relationship: {months_to_full: 24, churn_cut: 0.5, wallet_boost: 0.4, annoyance: 2}'));
    const agreed = play(sc, schemeText(`name: agreed\n${PAY}organisation:\n  pairs: {share: 50%, coordinated: true}\n`), 10, { months: 24, seed: 3 });
    const annoying = play(sc, schemeText(`name: annoying\n${PAY}organisation:\n  pairs: {share: 50%, coordinated: false}\n`), 10, { months: 24, seed: 3 });
    expect(meanOf(annoying, 'clients_lost')).toBeGreaterThan(meanOf(agreed, 'clients_lost'));
  });
});

describe('finder and closer', () => {
  it('with a pool, a firm one rep found and let go is often closed by another, and both are on record', () => {
    let split = 0;
    let signed = 0;
    play(scenarioText(bundled('scenarios/radio.yaml')), schemeText(bundled('schemes/radio-pool.yaml')), 2, {
      months: 12,
      observe: (s) => {
        for (let i = 0; i < s.w.count; i++) {
          if (s.w.signedAt[i] !== s.t || s.w.closer[i] < 0) continue;
          signed++;
          expect(s.w.finder[i]).toBeGreaterThanOrEqual(0);
          if (s.w.finder[i] !== s.w.closer[i]) split++;
        }
      },
    });
    expect(signed).toBeGreaterThan(100);
    expect(split).toBeGreaterThan(0);
  });
});

describe('cherry-picking of inbound leads', () => {
  it('when leads outnumber the hours, the ones processed are worth more than the ones left', () => {
    let doneValue = 0, done = 0, leftValue = 0, left = 0;
    play(scenarioText(bundled('scenarios/leads.yaml')), schemeText(bundled('schemes/leads-plan.yaml')), 2, {
      months: 6,
      observe: (s) => {
        for (let j = 0; j < s.leads.n; j++) {
          if (s.leads.taken[j]) {
            doneValue += s.leads.value[j];
            done++;
          } else {
            leftValue += s.leads.value[j];
            left++;
          }
        }
      },
    });
    expect(left).toBeGreaterThan(0);
    expect(done).toBeGreaterThan(0);
    expect(doneValue / done).toBeGreaterThan(1.2 * (leftValue / left));
  });
});

describe('pair credit', () => {
  const accounts = scenarioText(bundled('scenarios/departures.yaml').replace(/departures:[\s\S]*?ramp_start: 0.5\n/, 'departures: false\n'));
  /** the credit shares of every paired client's sale in month 2, as [owner's, partner's] */
  const shares = (scheme: string): number[][] => {
    const out: number[][] = [];
    play(accounts, schemeText(scheme), 1, {
      months: 3,
      observe: (s) => {
        if (s.t !== 2) return;
        for (let i = 0; i < s.w.count; i++) {
          if (s.w.state[i] !== ACTIVE || s.w.partner[i] < 0 || s.w.owner[i] < 0) continue;
          const c = engineClient(s, i);
          const credit = s.ledger.credit(i, c, { category: 'active', isNew: false, segment: c.segment, ageActivation: 5, ageSigning: 6 });
          const of = (r: number) => credit.filter((x) => x.rep === r).reduce((a, x) => a + x.share, 0);
          out.push([of(s.w.owner[i]), of(s.w.partner[i])]);
        }
      },
    });
    expect(out.length).toBeGreaterThan(10);
    return out;
  };

  it("without fixed shares the scheme's credit rules decide: the role 'pair' is shared by the two", () => {
    for (const [o, p] of shares(`name: pair\n${PAY}credit:\n  - split: {pair: 100%}\norganisation:\n  pairs: {}\n`)) expect([o, p]).toEqual([0.5, 0.5]);
  });

  it('a rule that credits the owner alone leaves the partner nothing', () => {
    for (const [o, p] of shares(`name: owner\n${PAY}credit:\n  - split: {owner: 100%}\norganisation:\n  pairs: {}\n`)) expect([o, p]).toEqual([1, 0]);
  });

  it('fixed shares win over the rules, like shares in credits.csv', () => {
    for (const [o, p] of shares(`name: fixed\n${PAY}credit:\n  - split: {owner: 100%}\norganisation:\n  pairs: {share: 60%}\n`)) {
      expect(o).toBeCloseTo(0.6, 12);
      expect(p).toBeCloseTo(0.4, 12);
    }
  });
});

describe('a pool without a cap', () => {
  it('gives its firms out: a base without a cap has room for any number', () => {
    const r = play(radio, schemeText(`name: pool\n${PAY}organisation:\n  base: {release_after_months: 3}\n`), 2, { months: 12 });
    const capped = play(radio, schemeText(`name: pool\n${PAY}organisation:\n  base: {cap: 100000, counts: [signed, active], release_after_months: 3}\n`), 2, { months: 12 });
    expect(meanOf(r, 'pool_size_end')).toBe(meanOf(capped, 'pool_size_end'));
    expect(meanOf(r, 'clients_signed')).toBe(meanOf(capped, 'clients_signed'));
  });
});

describe('monthly base coverage', () => {
  it("is the month's mean over the reps, and the run's figure is the mean over rep-months", () => {
    const [r] = play(radio, schemeText(`name: capped\n${PAY}organisation:\n  base: {cap: 200}\n`), 1, { months: 6, detail: true });
    const months = Array.from({ length: 6 }, (_, t) => monthly([r], 'base_coverage', t)[0]);
    for (const m of months) expect(m).toBeGreaterThan(0);
    // eight reps every month (no departures here): the run's mean is the mean of the months
    expect(meanOf([r], 'base_coverage')).toBeCloseTo(months.reduce((a, b) => a + b, 0) / 6, 9);
  });
});
