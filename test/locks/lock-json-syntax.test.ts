import { describe, expect, it } from 'vitest';
import { readLockBook } from '../../src/core/locks/lock-book.js';
import type { Scheme } from '../../src/core/types.js';

// a syntax error stops the reading before the scheme is looked at
const scheme = {} as Scheme;
const where = (text: string) => {
  const [p] = readLockBook(text, 'motiv-locks.json', scheme).problems;
  return { code: p.code, line: p.line, column: p.column, message: p.message };
};

describe('every JSON syntax error of a lock file is placed at a line and column (Node 20 gives many no position)', () => {
  it('a trailing comma', () => {
    expect(where('{\n  "format": "motiv-locks",\n  "locks": [1, 2,]\n}\n')).toMatchObject({ code: 'lock-invalid', line: 3, column: 18 });
    expect(where('{\n  "format": "motiv-locks",\n}\n')).toMatchObject({ line: 3, column: 1 });
  });

  it('a missing brace', () => {
    expect(where('{\n  "locks": [\n    {"period": "2026-03"\n  ]\n}\n')).toMatchObject({ line: 4, column: 3 });
    expect(where('{\n  "format": "motiv-locks"\n')).toMatchObject({ line: 3, column: 1 });
  });

  it('a bad token', () => {
    expect(where('{\n  "version": tru,\n}\n')).toMatchObject({ line: 2, column: 17 });
    expect(where("{\n  'format': 1\n}\n")).toMatchObject({ line: 2, column: 3 });
    expect(where('{\n  "version": 1 // one\n}\n')).toMatchObject({ line: 2, column: 16 });
    expect(where('{\n  "scheme": "a\tb"\n}\n')).toMatchObject({ line: 2, column: 15 });
  });

  it('says what went wrong without a character position or the text quoted back', () => {
    const { message } = where('{\n  "locks": [1,]\n}\n');
    expect(message).toMatch(/^not a lock file: the JSON does not parse \([^)]+\)$/);
    expect(message).not.toMatch(/position|is not valid JSON/);
  });
});
