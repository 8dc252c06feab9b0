import { describe, expect, it } from 'vitest';
import { checkParts, optionText, type PartHeader } from '../../src/core/shard/check-parts.js';

const BUILD = { version: '1.0.0', build: 'b'.repeat(64) };

function part(index: number, change: Partial<PartHeader> = {}): PartHeader {
  return {
    file: `part-${index}`,
    ...BUILD,
    command: 'simulate',
    shard: { index, count: 4 },
    runs: 400,
    inputs: [
      { what: 'scheme', file: 'a.yaml', sha256: '1'.repeat(64) },
      { what: 'scenario', file: 's.yaml', sha256: '2'.repeat(64) },
    ],
    options: { '--runs': 400, '--seed': 9, '--detail': false },
    shows: '{}',
    ...change,
  };
}

const messages = (parts: PartHeader[]) => checkParts(parts, BUILD).map((p) => `${p.file ?? ''}: ${p.message} [${p.code}]`);

describe('checkParts', () => {
  it('takes every shard once, in any order', () => {
    expect(messages([part(3), part(1), part(0), part(2)])).toEqual([]);
  });

  it('names each missing shard with its runs', () => {
    expect(messages([part(0), part(3)])).toEqual([': shard 1/4 missing (runs 100-199 of 400) [shard-missing]', ': shard 2/4 missing (runs 200-299 of 400) [shard-missing]']);
  });

  it('names a shard given twice, and the file that has it (the first by name is kept)', () => {
    expect(messages([part(0), part(1), part(2), part(3), part(1, { file: 'again' })])).toEqual(['part-1: shard 1/4 is given twice: here and in again [shard-duplicate]']);
  });

  it('names the input whose digest differs, with both files', () => {
    const other = part(1, { inputs: [part(1).inputs[0], { what: 'scenario', file: 't.yaml', sha256: '3'.repeat(64) }] });
    expect(messages([part(0), other, part(2), part(3)])).toEqual([
      "part-1: not a part of the same simulation as part-0: its scenario 't.yaml' (sha256 333333333333) is not the one of part-0, scenario 's.yaml' (sha256 222222222222) [part-mismatch]",
    ]);
  });

  it('names each option played otherwise', () => {
    const other = part(2, { options: { '--runs': 400, '--seed': 10, '--detail': true } });
    expect(messages([part(0), part(1), other, part(3)])).toEqual([
      'part-2: not a part of the same simulation as part-0: it was played --seed 10, part-0 --seed 9 [part-mismatch]',
      'part-2: not a part of the same simulation as part-0: it was played --detail, part-0 without --detail [part-mismatch]',
    ]);
  });

  it('refuses the same inputs named otherwise (played from another folder): the output would name them', () => {
    expect(messages([part(0), part(1, { shows: '{"file":"../a.yaml"}' }), part(2), part(3)])[0]).toMatch(/^part-1: not a part of the same simulation as part-0: it names its inputs otherwise/);
  });

  it('refuses a part of another version or build of motiv', () => {
    expect(messages([part(0, { version: '0.9.0' }), part(1), part(2), part(3)])).toEqual(['part-0: this part was played by motiv 0.9.0, and this is motiv 1.0.0 [part-version]']);
    expect(messages([part(0), part(1, { build: 'c'.repeat(64) }), part(2), part(3)])).toEqual([
      'part-1: this part was played by another build of motiv 1.0.0 (cccccccccccc; this one is bbbbbbbbbbbb) [part-version]',
    ]);
  });

  it('does not count shards across splits of different sizes', () => {
    expect(messages([part(0), part(1, { shard: { index: 1, count: 2 } })])).toEqual(['part-1: not a part of the same simulation as part-0: it is shard 1/2, part-0 shard 0/4: every part must come from one split into 4 [part-mismatch]']);
  });

  it('writes an option as it is typed', () => {
    expect(optionText('--vary', ['a=1..2', 'b=3..4'])).toBe('--vary a=1..2 --vary b=3..4');
    expect(optionText('--switch-at', undefined)).toBe('without --switch-at');
    expect(optionText('--months', 12)).toBe('--months 12');
  });
});
