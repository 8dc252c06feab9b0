import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SUGGESTED, SHAPE_SUMMARY_MIN, unknownIdProblems, type IdRef } from '../../src/core/data/unknown-ids.js';
import { MEASURE_ALIASES } from '../../src/core/measures/measure-aliases.js';
import { MEASURES } from '../../src/core/measures/registry.js';
import { distance, distanceWithin, MAX_SUGGEST_LENGTH, suggest } from '../../src/core/problems/suggest.js';
import { runMetricNamed } from '../../src/core/sim/metrics.js';
import { numberFix } from '../../src/core/yaml/check-schema.js';
import { runCli } from '../helpers/cli.js';

/** the plain reference: the whole edit-distance table, every candidate compared */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** two names of as many words (two or more, empty ones too) with each one's words in alphabetical order, else undefined */
function referenceSorted(a: string, b: string): [string, string] | undefined {
  const [wa, wb] = [a.split(/[_-]/), b.split(/[_-]/)];
  return wa.length >= 2 && wa.length === wb.length ? [wa.sort().join('_'), wb.sort().join('_')] : undefined;
}

/** the distance of two names, where putting the words of one in the other's order is one edit */
function referenceNameDistance(a: string, b: string): number {
  const sorted = referenceSorted(a, b);
  return Math.min(referenceDistance(a, b), sorted ? 1 + referenceDistance(sorted[0], sorted[1]) : Infinity);
}

function referenceSuggest(input: string, candidates: string[]): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c.toLowerCase() === lower) return c;
    const d = referenceNameDistance(lower, c.toLowerCase());
    // each candidate within the typo limit of its own length and the input's (a shorter one as far is no typo)
    if (d <= Math.max(1, Math.floor(Math.max(input.length, c.length) / 3)) && d < bestDistance) [best, bestDistance] = [c, d];
  }
  if (best !== undefined) return best;
  if (lower.length < 3) return undefined;
  const byWord = candidates.find((c) => c.toLowerCase().startsWith(lower) || c.toLowerCase().split(/[_-]/).includes(lower));
  if (byWord !== undefined) return byWord;
  // words each a typo of a word of a candidate of two words or more: the closest in all, the first of those as close
  const parts = lower.split(/[_-]/).filter((w) => w.length > 0);
  if (parts.length === 0) return undefined;
  let closest: string | undefined;
  let closestTotal = Infinity;
  for (const c of candidates) {
    const words = c.toLowerCase().split(/[_-]/).filter((w) => w.length > 0);
    if (words.length < 2) continue;
    let total = 0;
    for (const p of parts) {
      const limit = (w: string) => (p.length < 3 ? 0 : Math.max(1, Math.floor(Math.max(p.length, w.length) / 3)));
      total += Math.min(...words.map((w) => (referenceDistance(p, w) <= limit(w) ? referenceDistance(p, w) : Infinity)));
    }
    if (total < closestTotal) [closest, closestTotal] = [c, total];
  }
  return closest;
}

const name = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '_', '-', '1'), minLength: 0, maxLength: 12 });

describe('did-you-mean', () => {
  it('the banded distance agrees with the whole table, within its bound', () => {
    fc.assert(
      fc.property(name, name, fc.nat(6), (a, b, max) => {
        const d = referenceDistance(a, b);
        expect(distance(a, b)).toBe(d);
        expect(distanceWithin(a, b, max)).toBe(Math.min(d, max + 1));
      }),
      { numRuns: 2_000, seed: 20260311 },
    );
  });

  it('suggests what comparing every candidate suggests', () => {
    fc.assert(
      fc.property(name, fc.array(name, { maxLength: 10 }), (input, candidates) => {
        expect(suggest(input, candidates)).toBe(referenceSuggest(input, candidates));
      }),
      { numRuns: 2_000, seed: 20260312 },
    );
  });

  it('suggests a name whose words are each a typo of words of a known name, where the whole name is too far', () => {
    const metrics = ['revenue', 'gross_profit', 'pay_total', 'cost_of_sales', 'profit_after_pay', 'clients_signed'];
    expect(suggest('profitt', metrics)).toBe('gross_profit');
    expect(suggest('proft_after_pya', metrics)).toBe('profit_after_pay');
    expect(suggest('gros_proft', metrics)).toBe('gross_profit');
    expect(suggest('clients_signd', metrics)).toBe('clients_signed');
    // the suggestions there were still made: a typo of the whole name, a prefix, a word
    expect(suggest('revenu', metrics)).toBe('revenue');
    expect(suggest('cost', metrics)).toBe('cost_of_sales');
    expect(suggest('profit', metrics)).toBe('gross_profit');
    // a word near none of theirs, or a short word not theirs as it is: nothing
    expect(suggest('margin', metrics)).toBeUndefined();
    expect(suggest('profit_xy', metrics)).toBeUndefined();
  });

  it('offers a name with its words in another order, one edit away, before a name fewer letters away (QA: owned_clients -> new_clients)', () => {
    const measures = ['revenue', 'gross_profit', 'new_clients', 'activated_clients', 'lost_clients', 'clients_owned', 'clients_contacted'];
    expect(suggest('owned_clients', measures)).toBe('clients_owned');
    expect(suggest('contacted_clients', measures)).toBe('clients_contacted');
    expect(suggest('clients_activated', measures)).toBe('activated_clients');
    expect(suggest('clients_new', measures)).toBe('new_clients');
    expect(suggest('clients_activted', measures)).toBe('activated_clients');
    // a letter missing, two swapped, a wrong letter, one too many: the name itself
    for (const name of measures) {
      for (let i = 0; i < name.length; i++) {
        expect(suggest(name.slice(0, i) + name.slice(i + 1), measures)).toBe(name);
        if (i + 1 < name.length) expect(suggest(name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2), measures)).toBe(name);
        expect(suggest(name.slice(0, i) + (name[i] === 'x' ? 'q' : 'x') + name.slice(i + 1), measures)).toBe(name);
        expect(suggest(name.slice(0, i) + 'x' + name.slice(i), measures)).toBe(name);
      }
    }
  });

  it("offers a measure for the run metric's name of it, and for a typo of that (QA: clients_sgned -> clients_owned)", () => {
    expect(suggest('clients_sgned', [...MEASURES.keys()], MEASURE_ALIASES)).toBe('new_clients');
    expect(suggest('clients_signed', [...MEASURES.keys()], MEASURE_ALIASES)).toBe('new_clients');
    expect(suggest('signed_clients', [...MEASURES.keys()], MEASURE_ALIASES)).toBe('new_clients');
    expect(suggest('clients_lsot', [...MEASURES.keys()], MEASURE_ALIASES)).toBe('lost_clients');
    // a measure as close as an alias wins
    expect(suggest('clients_ownd', [...MEASURES.keys()], MEASURE_ALIASES)).toBe('clients_owned');
    // every alias names a measure
    for (const [, measure] of MEASURE_ALIASES) expect(MEASURES.has(measure)).toBe(true);
  });

  it("offers the run metric for a measure's name of it (new_clients -> clients_signed), in sweep's and optimise's metrics", () => {
    expect(runMetricNamed('new_clients')).toMatch(/^no metric 'new_clients'; did you mean 'clients_signed'\?/);
    expect(runMetricNamed('lost_clients')).toMatch(/did you mean 'clients_lost'\?/);
    expect(runMetricNamed('activated_clients')).toMatch(/did you mean 'clients_activated'\?/);
    // (a typo of a metric is still offered the metric)
    expect(runMetricNamed('clients_sigend')).toMatch(/did you mean 'clients_signed'\?/);
  });

  it('says did-you-mean for a typo within one word of a metric, in sweep and optimise', async () => {
    const sweep = await runCli(['sweep', 'schemes/leads-plan.yaml', '--scenario', 'scenarios/leads.yaml', '--vary', 'components.commission.rate=2%..3%:2', '--metrics', 'revenue,profitt', '--runs', '2']);
    expect(sweep.stderr).toContain("no metric 'profitt'; did you mean 'gross_profit'?");
    const optimise = await runCli(['optimise', 'schemes/leads-plan.yaml', '--scenario', 'scenarios/leads.yaml', '--vary', 'components.commission.rate=2%..3%', '--maximise', 'profitt', '--runs', '2', '--out', join(tmpdir(), 'motiv-unused-best.yaml')]);
    expect(optimise.stderr).toContain("no metric 'profitt'; did you mean 'gross_profit'?");
  });

  it('finds a typo among 100,000 ids, and never compares a name longer than the limit', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `C${String(i).padStart(6, '0')}`);
    expect(suggest('C01234x5', ids)).toBe('C012345');
    expect(suggest('x'.repeat(1_000_000), ids.slice(0, 25))).toBeUndefined();
    expect(suggest('x'.repeat(MAX_SUGGEST_LENGTH + 1), ['x'.repeat(MAX_SUGGEST_LENGTH + 2)])).toBeUndefined();
    // an exact match (ignoring case) is found whatever its length
    expect(suggest('X'.repeat(1_000_000), ['x'.repeat(1_000_000)])).toBe('x'.repeat(1_000_000));
  });
});

describe('a number written as a person writes it', () => {
  it('grouped by spaces (70 000, 1 234,56) is offered without them', () => {
    expect(numberFix('70 000')).toBe("did you mean '70000'? write numbers without grouping");
    expect(numberFix('1 234 567')).toBe("did you mean '1234567'? write numbers without grouping");
    expect(numberFix('1 234,56')).toBe("did you mean '1234.56'? write numbers without grouping");
    expect(numberFix('12 500 %')).toBe("did you mean '12500%'? write numbers without grouping");
    // not thousands: no guess
    expect(numberFix('70 00')).toBeUndefined();
    expect(numberFix('4 clients')).toBeUndefined();
  });

  it('grouped by points with a decimal comma (11.670,00) is offered without them, with a decimal point (QA: no suggestion)', () => {
    expect(numberFix('11.670,00')).toBe("did you mean '11670.00'? write numbers without grouping, with a decimal point");
    expect(numberFix('1.234.567,5')).toBe("did you mean '1234567.5'? write numbers without grouping, with a decimal point");
    expect(numberFix('11670,00')).toBe("did you mean '11670.00'?");
  });
});

describe('unknown ids: a did-you-mean for a few, one problem for many of one shape', () => {
  const clients = new Set(Array.from({ length: 2_000 }, (_, i) => `C${String(i).padStart(6, '0')}`));
  const ref = (id: string, line: number, what = 'client_id'): IdRef => ({ kind: 'client', id, file: 'transactions.csv', line, column: 5, what });

  it('many ids of one shape the known ids do not have are one located problem that counts them', () => {
    const refs = Array.from({ length: 1_500 }, (_, i) => ref(`CL-${String(i).padStart(5, '0')}`, i + 2));
    const problems = unknownIdProblems(refs, { rep: new Set(), client: clients });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'unknown-id', file: 'transactions.csv', line: 2, column: 5 });
    expect(problems[0].message).toBe(
      "client_id 'CL-00000' and 1,499 more like it (lines 2, 3, 4, 5, 6, 7, 8, 9 and 1,492 more) are not clients in clients.csv, whose ids look like 'C000000'",
    );
  });

  it('an id written alike in another Unicode form, or with a character that looks alike, is offered, naming the character (QA)', () => {
    const known = { rep: new Set(['Анна Петрова', 'ben']), client: new Set(['café', 'acme']) };
    const [spaced, latin, decomposed, typo] = unknownIdProblems(
      [
        { kind: 'rep', id: 'Анна\u00a0Петрова', file: 'clients.csv', line: 2, column: 4, what: 'owner' },
        { kind: 'rep', id: 'Aнна Петрова', file: 'clients.csv', line: 3, column: 4, what: 'owner' },
        ref('cafe\u0301', 4),
        ref('acne', 5),
      ],
      known,
    ).map((p) => p.message);
    // (were: "did you mean 'Анна Петрова'?", alike on screen, and no suggestion at all for the decomposed 'café')
    expect(spaced).toBe("owner 'Анна\u00a0Петрова' is not a rep in reps.csv; did you mean 'Анна Петрова'? (character 5 is U+00A0 here and U+0020 in reps.csv)");
    expect(latin).toBe("owner 'Aнна Петрова' is not a rep in reps.csv; did you mean 'Анна Петрова'? (character 1 is U+0041 here and U+0410 in reps.csv)");
    expect(decomposed).toBe("client_id 'cafe\u0301' is not a client in clients.csv; did you mean 'café'? (character 4 is U+0065 here and U+00E9 in clients.csv)");
    // a typo anyone sees: no characters named
    expect(typo).toBe("client_id 'acne' is not a client in clients.csv; did you mean 'acme'?");
  });

  it('a few typos each get their own problem and did-you-mean; past a bound, no more searches', () => {
    // typos of known ids in two shapes, too few of each to be summarised
    const typos = Array.from({ length: MAX_SUGGESTED + 10 }, (_, i) => {
      const id = `C${String(i).padStart(6, '0')}`;
      return ref(i % 2 === 0 ? `${id}x` : `x${id}`, i + 2);
    });
    expect(typos.length / 2).toBeLessThan(SHAPE_SUMMARY_MIN);
    const problems = unknownIdProblems(typos, { rep: new Set(), client: clients });
    expect(problems).toHaveLength(typos.length);
    expect(problems.filter((p) => p.message.includes('did you mean')).length).toBe(MAX_SUGGESTED);
    expect(problems[0].message).toBe("client_id 'C000000x' is not a client in clients.csv; did you mean 'C000000'?");
  });

  it('ids of the known shape are summarised past the threshold, without a shape to copy', () => {
    const missing = Array.from({ length: SHAPE_SUMMARY_MIN }, (_, i) => ref(`C9${String(i).padStart(5, '0')}`, 10 + i));
    const [p, ...rest] = unknownIdProblems(missing, { rep: new Set(), client: clients });
    expect(rest).toEqual([]);
    expect(p.message).toMatch(/^client_id 'C900000' and 19 more like it \(lines 10, .* are not clients in clients\.csv$/);
    expect(p.hint).toBe('add the clients to clients.csv, or check that the export is complete');
    const fewer = unknownIdProblems(missing.slice(1), { rep: new Set(), client: clients });
    expect(fewer).toHaveLength(SHAPE_SUMMARY_MIN - 1);
  });

  it('a 1 MB id is quoted short', () => {
    const [p] = unknownIdProblems([ref('x'.repeat(1_000_000), 3, 'rep_id')], { rep: new Set(['anna', 'ben']), client: clients });
    expect(p.message).toBe(`rep_id '${'x'.repeat(57)}...' is not a client in clients.csv`);
  });
});

describe('a messy export validates in seconds, with a few lines that say what is wrong', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motiv-messy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const reps = Array.from({ length: 25 }, (_, i) => `rep${String(i + 1).padStart(2, '0')}`);
  writeFileSync(join(dir, 'reps.csv'), `id,name\n${reps.map((r) => `${r},${r}`).join('\n')}\n`);
  const clientIds = Array.from({ length: 2_000 }, (_, i) => `C${String(i + 1).padStart(6, '0')}`);
  writeFileSync(join(dir, 'clients.csv'), `id,owner\n${clientIds.map((c, i) => `${c},${reps[i % 25]}`).join('\n')}\n`);
  const rows = Array.from({ length: 5_000 }, (_, i) => {
    const client = i % 10 === 0 ? `CL-${clientIds[i % 2_000].slice(1)}` : clientIds[i % 2_000];
    const rep = i === 7 ? 'x'.repeat(1_000_000) : i === 8 ? 'rep1O' : reps[i % 25];
    return `T${i},2026-01-15,${client},${rep},100,50`;
  });
  writeFileSync(join(dir, 'transactions.csv'), `id,date,client_id,rep_id,revenue,cost\n${rows.join('\n')}\n`);

  it('500 ids in another shape are one error; a typo and a 1 MB cell are one each', async () => {
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(1);
    // the clients whose sales carry the other shape of id have no sale of their own: one warning says so
    const [warning, ...lines] = r.stdout.trimEnd().split('\n');
    expect(warning).toContain('clients.csv:2:1: warning: 200 clients have no dates, no status and no sale in the data');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain("transactions.csv:2:15: error: client_id 'CL-000001' and 499 more like it (lines 2, 12, 22,");
    expect(lines[1]).toContain(`transactions.csv:9:23: error: rep_id '${'x'.repeat(57)}...' is not a rep in reps.csv (`);
    expect(lines[2]).toContain("transactions.csv:10:23: error: rep_id 'rep1O' is not a rep in reps.csv; did you mean 'rep10'?");
    expect(lines[3]).toBe('3 errors, 1 warning in 1 of 1 file');
  });
});
