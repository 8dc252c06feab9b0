/**
 * JSON that gives back every number as it was: NaN, ±Infinity and -0 (which
 * JSON writes as null or 0) are written as {"$number": "NaN"} and read back.
 * What a part carries to merge must render to the very bytes it would have
 * rendered to on one machine.
 */
const TAG = '$number';

function written(x: number): string | undefined {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (Object.is(x, -0)) return '-0';
  return undefined;
}

export function exactStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'number') return v;
    const tag = written(v);
    return tag === undefined ? v : { [TAG]: tag };
  });
}

export function exactParse(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === TAG) return Number((v as Record<string, string>)[TAG]);
    }
    return v;
  });
}
