import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INDEX, nameOf, runKey, uniform } from '../../src/core/random/counter.js';
import { ENTITY } from '../../src/core/random/entities.js';
import { STREAM } from '../../src/core/random/streams.js';
import { arrive, seedPool } from '../../src/core/sim/bases.js';
import type { RunState } from '../../src/core/sim/state.js';
import { World } from '../../src/core/sim/world.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';

const KINDS = Object.values(ENTITY);
const key = runKey(1, 0);
const text = (n: { hi: number; lo: number }) => `${n.hi}:${n.lo}`;

/** an index anywhere in its range, often small, often at the top (fast-check biases integers to both ends) */
const index = fc.integer({ min: 0, max: MAX_INDEX });
const entity = fc.tuple(fc.constantFrom(...KINDS), index, index, index);

describe('entity names: every kind of entity has its own key space', () => {
  it('two different entities never share a name, for any indices the encoding accepts', () => {
    fc.assert(
      fc.property(entity, entity, (x, y) => {
        fc.pre(x.some((v, k) => v !== y[k]));
        expect(text(nameOf(key, ...x))).not.toBe(text(nameOf(key, ...y)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('entities one index apart, or of two kinds with the same indices, never share a name', () => {
    fc.assert(
      fc.property(entity, fc.integer({ min: 1, max: 3 }), (x, k) => {
        fc.pre(x[k] < MAX_INDEX);
        const next = [...x] as typeof x;
        next[k]++;
        expect(text(nameOf(key, ...next))).not.toBe(text(nameOf(key, ...x)));
        for (const other of KINDS) if (other !== x[0]) expect(text(nameOf(key, other, x[1], x[2], x[3]))).not.toBe(text(nameOf(key, ...x)));
      }),
    );
  });

  it('every entity of a long run of a large team has its own name', () => {
    // 1,200 months of 30 reps with 3 arrivals each a month, a pool of 50,000, books of 300, 5 generations of reps, 40 leads a month
    const seen = new Set<string>();
    let n = 0;
    const add = (kind: number, a = 0, b = 0, c = 0) => {
      seen.add(text(nameOf(key, kind, a, b, c)));
      n++;
    };
    for (let t = 0; t < 1200; t++) {
      for (let r = 0; r < 30; r++) for (let j = 0; j < 3; j++) add(ENTITY.arrival, t, r, j);
      for (let j = 0; j < 40; j++) add(ENTITY.lead, t, j);
    }
    for (let j = 0; j < 50_000; j++) add(ENTITY.poolFirm, j);
    for (let j = 0; j < 50_000; j++) add(ENTITY.dataClient, j);
    for (let r = 0; r < 30; r++) {
      for (let j = 0; j < 300; j++) add(ENTITY.bookFirm, r, j);
      for (let g = 0; g < 5; g++) add(ENTITY.rep, r, g);
      add(ENTITY.slot, r);
    }
    add(ENTITY.market);
    expect(n).toBe(1200 * (90 + 40) + 100_000 + 30 * 306 + 1);
    expect(seen.size).toBe(n);
  });

  it('refuses an index the encoding cannot hold apart from another', () => {
    for (const bad of [-1, MAX_INDEX + 1, 2.5, NaN]) expect(() => nameOf(key, ENTITY.arrival, 0, bad, 0)).toThrow(RangeError);
    expect(() => nameOf(key, ENTITY.arrival, MAX_INDEX, MAX_INDEX, MAX_INDEX)).not.toThrow();
  });

  it('the same entity in another run has another name', () => {
    expect(text(nameOf(runKey(1, 1), ENTITY.arrival, 3, 2, 1))).not.toBe(text(nameOf(key, ENTITY.arrival, 3, 2, 1)));
    expect(text(nameOf(runKey(2, 0), ENTITY.arrival, 3, 2, 1))).not.toBe(text(nameOf(key, ENTITY.arrival, 3, 2, 1)));
  });
});

describe('draws of neighbouring entities, months and streams are uniform and independent', () => {
  const N = 100_000;
  /** Pearson's chi-square statistic of counts against equal expectations */
  const chiSquare = (counts: number[]) => {
    const e = counts.reduce((a, b) => a + b, 0) / counts.length;
    return counts.reduce((s, c) => s + ((c - e) * (c - e)) / e, 0);
  };
  const correlation = (x: Float64Array, y: Float64Array) => {
    let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (let i = 0; i < x.length; i++) {
      sx += x[i];
      sy += y[i];
      sxx += x[i] * x[i];
      syy += y[i] * y[i];
      sxy += x[i] * y[i];
    }
    const n = x.length;
    return (sxy - (sx * sy) / n) / Math.sqrt((sxx - (sx * sx) / n) * (syy - (sy * sy) / n));
  };
  // arrivals side by side: prospect j of slot 0 in month 0, and its neighbours
  const names = Array.from({ length: N + 1 }, (_, j) => nameOf(key, ENTITY.arrival, 0, 0, j));
  const series = (f: (j: number) => number) => Float64Array.from({ length: N }, (_, j) => f(j));
  const u = series((j) => uniform(names[j].hi, names[j].lo, STREAM.transition, 5));

  it('fill 256 equal bins as a uniform would (chi-square, p > 1e-6)', () => {
    const counts = new Array(256).fill(0);
    for (const x of u) counts[Math.floor(x * 256)]++;
    // 255 degrees of freedom: the 1e-6 and 1 - 1e-6 quantiles are about 165 and 375
    expect(chiSquare(counts)).toBeGreaterThan(165);
    expect(chiSquare(counts)).toBeLessThan(375);
    // the lowest bit of the 32 too
    const odd = u.reduce((n, x) => n + (Math.floor(x * 4294967296) & 1), 0);
    expect(Math.abs(odd - N / 2)).toBeLessThan(5 * Math.sqrt(N / 4));
  });

  it('pairs of neighbours fill a 16 × 16 grid evenly', () => {
    const next = series((j) => uniform(names[j + 1].hi, names[j + 1].lo, STREAM.transition, 5));
    const counts = new Array(256).fill(0);
    for (let j = 0; j < N; j++) counts[Math.floor(u[j] * 16) * 16 + Math.floor(next[j] * 16)]++;
    expect(chiSquare(counts)).toBeGreaterThan(165);
    expect(chiSquare(counts)).toBeLessThan(375);
  });

  it('are uncorrelated between neighbouring entities, months, streams and kinds', () => {
    const bound = 5 / Math.sqrt(N);
    const others = {
      'the next entity': series((j) => uniform(names[j + 1].hi, names[j + 1].lo, STREAM.transition, 5)),
      'the next month': series((j) => uniform(names[j].hi, names[j].lo, STREAM.transition, 6)),
      'the next stream': series((j) => uniform(names[j].hi, names[j].lo, STREAM.revenue, 5)),
      'another kind with the same indices': series((j) => {
        const n = nameOf(key, ENTITY.lead, 0, 0, j);
        return uniform(n.hi, n.lo, STREAM.transition, 5);
      }),
      'the next run': series((j) => {
        const n = nameOf(runKey(1, 1), ENTITY.arrival, 0, 0, j);
        return uniform(n.hi, n.lo, STREAM.transition, 5);
      }),
    };
    for (const [what, v] of Object.entries(others)) expect(Math.abs(correlation(u, v)), what).toBeLessThan(bound);
  });
});

describe('the old hand-picked entity offsets', () => {
  // 27 reps, a pool and one new prospect a month per rep, played for 600 months
  const scenario = scenarioText(
    bundled('scenarios/radio.yaml')
      .replace(/count: 8/, 'count: 27')
      .replace(/new_prospects: 4/, 'new_prospects: 1')
      .replace(/pool: 400/, 'pool: 10'),
  );

  it('no longer give a pool firm and a prospect arriving in month 578 for rep 19 the same draws', () => {
    // before, a pool firm was entity 4,000,000 + j and the j-th arrival of rep r in month t 3,000,000 + (t * reps + r) * 64 + j
    const t = 578, r = 19;
    expect(3_000_000 + (t * 27 + r) * 64).toBe(4_000_000);
    const w = new World(64, 27);
    const s = { w, sc: scenario, key, t, org: { base: { pool: true } }, reps: new Array(27), employed: new Uint8Array(27).fill(1) } as unknown as RunState;
    seedPool(s);
    const pool = w.count;
    arrive(s);
    expect(pool).toBe(10);
    expect(w.count).toBe(10 + 27);
    // the first pool firm and rep 19's arrival were entity 4,000,000 both: the same segment, potential and margin
    const arrival = pool + r;
    expect(w.potential[arrival]).not.toBe(w.potential[0]);
    expect(text({ hi: w.names.hi[arrival], lo: w.names.lo[arrival] })).not.toBe(text({ hi: w.names.hi[0], lo: w.names.lo[0] }));
    for (const stream of [STREAM.transition, STREAM.revenue, STREAM.noise]) expect(w.names.uniform(arrival, stream, t)).not.toBe(w.names.uniform(0, stream, t));
  });
});

describe("a client's luck follows the client, not its slot in the world", () => {
  const scenario = scenarioText(bundled('scenarios/radio.yaml').replace(/departures:[\s\S]*?ramp_start: 0.5\n/, ''));
  const PAY = `currency: EUR\ncomponents:\n  - {id: base, type: salary, amount: 1000}\n  - {id: c, type: commission, measure: revenue, rate: 2%}\n`;

  it("with a pool seeded first, the month's arrivals sit further on but keep their names and draws", () => {
    const seen: Map<string, { index: number; potential: number }>[] = [];
    for (const org of ['', 'organisation:\n  base: {pool: true}\n']) {
      const arrivals = new Map<string, { index: number; potential: number }>();
      play(scenario, schemeText(`name: s\n${PAY}${org}`), 1, {
        months: 1,
        observe: (s) => {
          // the starting book, then the pool, then month 0's arrivals
          const first = s.w.count - 4 * s.reps.length;
          for (let i = first; i < s.w.count; i++) arrivals.set(text({ hi: s.w.names.hi[i], lo: s.w.names.lo[i] }), { index: i, potential: s.w.potential[i] });
        },
      });
      seen.push(arrivals);
    }
    const [plain, pooled] = seen;
    expect(plain.size).toBe(32);
    expect([...pooled.keys()]).toEqual([...plain.keys()]);
    for (const [name, p] of plain) {
      expect(pooled.get(name)!.index).toBe(p.index + 400);
      expect(pooled.get(name)!.potential).toBe(p.potential);
    }
  });
});
