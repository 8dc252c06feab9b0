import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../src/core/locks/json-syntax.js';

/** JSON.parse's verdict: ok, or its position where its message gives one */
function v8(text: string): { ok: true } | { ok: false; offset?: number } {
  try {
    JSON.parse(text);
    return { ok: true };
  } catch (err) {
    const m = /at position (\d+)/.exec((err as Error).message);
    return { ok: false, ...(m ? { offset: Number(m[1]) } : {}) };
  }
}

/** a JSON text (pretty or not) broken by a deleted, inserted or replaced character, or left whole */
const damaged = fc
  .tuple(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), fc.nat(), fc.constantFrom('del', 'ins', 'rep', 'none'), fc.constantFrom(...',:{}[]"\\ \n\t0-.e+tfnuxa\'/\u0001'.split('')))
  .map(([value, pretty, at, edit, c]) => {
    const text = JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null';
    const i = at % (text.length + 1);
    return edit === 'del' ? text.slice(0, i) + text.slice(i + 1) : edit === 'ins' ? text.slice(0, i) + c + text.slice(i) : edit === 'rep' ? text.slice(0, i) + c + text.slice(i + 1) : text;
  });

describe('the lock file reader finds the JSON syntax errors JSON.parse finds', () => {
  it('agrees with JSON.parse on what is JSON, and on the position wherever JSON.parse gives one', () => {
    fc.assert(
      fc.property(damaged, (text) => {
        const mine = jsonSyntaxError(text);
        const theirs = v8(text);
        expect(mine === undefined, JSON.stringify(text)).toBe(theirs.ok);
        if (!theirs.ok) {
          expect(mine!.offset).toBeLessThanOrEqual(text.length);
          if (theirs.offset !== undefined) expect(mine!.offset, JSON.stringify(text)).toBe(theirs.offset);
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('places the errors JSON.parse gives no position for at the character that breaks the JSON', () => {
    expect(jsonSyntaxError('[1,]')).toEqual({ offset: 3, message: "a comma before ']': remove it" });
    expect(jsonSyntaxError('{"a": tru}')?.offset).toBe(9);
    expect(jsonSyntaxError("{'a': 1}")?.offset).toBe(1);
    expect(jsonSyntaxError('')).toMatchObject({ offset: 0, message: expect.stringMatching(/^the text ends where a value/) });
  });

  it('reads a deeply nested text without exhausting the stack', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(jsonSyntaxError(deep)).toBeUndefined();
    expect(jsonSyntaxError(deep.slice(0, -1))?.offset).toBe(deep.length - 1);
  });
});
