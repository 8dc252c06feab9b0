import { describe, expect, it } from 'vitest';
import { Utf8Watch } from '../../src/cli/io/utf8-watch.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
/** the bytes fed to a watch in pieces cut at `cuts`; what it says */
const watched = (b: Buffer, cuts: number[] = []) => {
  const w = new Utf8Watch();
  const at = [0, ...cuts, b.length];
  for (let k = 0; k + 1 < at.length; k++) {
    const said = w.push(b.subarray(at[k], at[k + 1]), k + 2 === at.length);
    if (said) return said;
  }
  return undefined;
};

describe('watching a file for bytes that are not UTF-8', () => {
  it('names the bad byte, not a good accented letter before it, at its line and column in characters', () => {
    const b = bytes('id,name\nrene,Zoë René', [0xe9], '\n');
    expect(watched(b)).toEqual({ line: 2, column: 14, byte: 0xe9, utf16: false });
  });

  it('counts lines ended by LF, CRLF or a lone CR, as the tokenizer does, a CRLF cut between pieces once', () => {
    const b = bytes('a\r\nb\rc\nd,', [0xff]);
    expect(watched(b)).toMatchObject({ line: 4, column: 3, byte: 0xff });
    expect(watched(b, [2])).toMatchObject({ line: 4, column: 3 });
  });

  it('takes a character cut between two pieces as the character it is, in any piece, and says nothing of good text', () => {
    const b = bytes('héllo wörld €\n');
    for (let cut = 1; cut < b.length; cut++) expect(watched(b, [cut])).toBeUndefined();
    // a character cut at the very end of the file is not one
    expect(watched(bytes('ok', [0xc3]))).toMatchObject({ line: 1, column: 3, byte: 0xc3 });
  });

  it('refuses overlong forms and surrogates, and tells UTF-16 by its byte-order mark', () => {
    expect(watched(bytes([0xc0, 0xaf]))).toMatchObject({ column: 1, byte: 0xc0 });
    expect(watched(bytes('x', [0xed, 0xa0, 0x80]))).toMatchObject({ column: 2, byte: 0xed });
    expect(watched(Buffer.from('\ufeffid,name\n', 'utf16le'))).toMatchObject({ utf16: true });
  });
});
