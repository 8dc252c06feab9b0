import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/core/sim/metrics.js';
import { exactParse, exactStringify } from '../../src/cli/sim/exact-json.js';
import { decodeRun, encodeRun } from '../../src/cli/sim/run-codec.js';

const odd = [0, -0, NaN, Infinity, -Infinity, 1e-320, 0.1 + 0.2, -123456789.123456789, Number.MAX_VALUE];

describe('what a part carries comes back exactly', () => {
  it('a run: every double, NaN and -0 too, and the arrays it has', () => {
    const run: RunResult = { run: 17, metrics: Float64Array.from(odd), monthly: undefined, reps: Float64Array.from([1, 2]), repMonthly: undefined, segments: new Float64Array(0), roles: Float64Array.from([3]), components: Float64Array.from([NaN]) };
    const back = decodeRun(JSON.parse(JSON.stringify(encodeRun(run)))) as RunResult;
    expect(back.run).toBe(17);
    expect([...back.metrics].map((x) => Object.is(x, -0) ? '-0' : String(x))).toEqual(odd.map((x) => (Object.is(x, -0) ? '-0' : String(x))));
    expect(back.monthly).toBeUndefined();
    expect([...back.reps!]).toEqual([1, 2]);
    expect(back.segments).toHaveLength(0);
    expect(Number.isNaN(back.components[0])).toBe(true);
  });

  it('a run that is not one: what is wrong', () => {
    expect(decodeRun({ run: 1, metrics: 'AAAA' })).toBe("run 1: 'metrics' is not a list of numbers in base64");
    expect(decodeRun({ run: 1, metrics: '' })).toBe("run 1 has no 'segments'");
    expect(decodeRun({ metrics: '' })).toBe("a run without its number ('run')");
  });

  it('the context: numbers JSON cannot write are written as tagged strings', () => {
    const value = { a: odd, b: { c: [-0, 'x', null, true] } };
    const back = exactParse(exactStringify(value)) as typeof value;
    expect(Object.is(back.a[1], -0)).toBe(true);
    expect(Number.isNaN(back.a[2])).toBe(true);
    expect(back.a.slice(3)).toEqual(odd.slice(3));
    expect(Object.is(back.b.c[0], -0)).toBe(true);
    expect(back.b.c.slice(1)).toEqual(['x', null, true]);
  });
});
