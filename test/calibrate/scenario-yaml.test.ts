import { describe, expect, it } from 'vitest';
import { Document, parse, YAMLMap } from 'yaml';
import { PRINT, put, quoted } from '../../src/core/calibrate/scenario-yaml.js';

/** the calibrated scenario is written through yaml's Document: comments, blank lines and keys as a person writes them */
describe('a scenario document written for people', () => {
  it('puts a comment two spaces after a value, comment lines and a blank line before a key, flow mappings unpadded', () => {
    const doc = new Document(new YAMLMap());
    const top = doc.contents as YAMLMap;
    put(doc, top, 'name', quoted('Radio "x"'));
    const reps = new YAMLMap();
    put(doc, top, 'reps', reps, { space: true });
    put(doc, reps, 'count', 8, { note: 'employed at the end' });
    put(doc, reps, 'hours', { normal: { mean: 130, sd: 6.5 } }, { before: ['the floor', '', 'as read'] });
    reps.comment = '# effort_taste: default';
    doc.comment = '# decision: defaults';
    const text = doc.toString(PRINT);
    expect(text).toBe(
      'name: "Radio \\"x\\""\n\nreps:\n  count: 8  # employed at the end\n  # the floor\n\n  # as read\n  hours: {normal: {mean: 130, sd: 6.5}}\n  # effort_taste: default\n\n# decision: defaults\n',
    );
    expect(parse(text)).toEqual({ name: 'Radio "x"', reps: { count: 8, hours: { normal: { mean: 130, sd: 6.5 } } } });
  });

  it('writes a simple name as a plain key and any other in double quotes, so that it reads back as that name', () => {
    const doc = new Document(new YAMLMap());
    for (const name of ['small', 'key-accounts', 'a b', 'null', '2026', 'é']) put(doc, doc.contents as YAMLMap, name, 1);
    const text = doc.toString(PRINT);
    expect(text).toBe('small: 1\nkey-accounts: 1\n"a b": 1\n"null": 1\n"2026": 1\n"é": 1\n');
    expect(Object.keys(parse(text))).toEqual(['2026', 'small', 'key-accounts', 'a b', 'null', 'é']);
  });
});
