import type { RunResult } from '../../core/sim/metrics.js';

/** the arrays of a run's result, in the order a part writes them; the others are optional */
const ARRAYS = ['metrics', 'monthly', 'reps', 'repMonthly', 'segments', 'roles', 'components', 'repRoles'] as const satisfies readonly (keyof RunResult)[];
const REQUIRED = new Set<string>(['metrics', 'segments', 'roles', 'components']);

/** a run as a part writes it: its number, and each array as its doubles' bytes (little-endian) in base64, every value exact (NaN, -0 too) and a third of JSON's size */
export type EncodedRun = { run: number } & Partial<Record<(typeof ARRAYS)[number], string>>;

function bytesOf(values: Float64Array): string {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i], true);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function valuesOf(text: string): Float64Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 8 !== 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(bytes.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}

export function encodeRun(r: RunResult): EncodedRun {
  const out: EncodedRun = { run: r.run };
  for (const key of ARRAYS) {
    const a = r[key];
    if (a) out[key] = bytesOf(a);
  }
  return out;
}

/** a run read back, or what is wrong with it */
export function decodeRun(o: unknown): RunResult | string {
  if (o === null || typeof o !== 'object') return 'not a run';
  const rec = o as Record<string, unknown>;
  if (!Number.isInteger(rec.run)) return "a run without its number ('run')";
  const r: Record<string, unknown> = { run: rec.run };
  for (const key of ARRAYS) {
    const v = rec[key];
    if (v === undefined) {
      if (REQUIRED.has(key)) return `run ${String(rec.run)} has no '${key}'`;
      r[key] = undefined;
      continue;
    }
    const values = typeof v === 'string' ? valuesOf(v) : undefined;
    if (!values) return `run ${String(rec.run)}: '${key}' is not a list of numbers in base64`;
    r[key] = values;
  }
  return r as unknown as RunResult;
}

/** the shape of a run's arrays (which it has, and their lengths): every run of a job has the same */
export function runShape(r: RunResult): string {
  return ARRAYS.map((k) => r[k]?.length ?? '-').join(',');
}
