import { describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/core/scheme/load.js';
import { formatProblem } from '../../src/core/problems/format.js';

describe('a mapping where a list goes', () => {
  it('is told how a list is written, with what the key holds (QA: "components: {}" was told only "The pay components.")', () => {
    const { problems } = loadScheme('s.yaml', 'name: x\ncurrency: EUR\ncomponents: {}\n');
    expect(problems.map(formatProblem)).toEqual(["s.yaml:3:13: error: a mapping is not a list at components (write the pay components as a list, each on its own line starting with '- ') [wrong-type]"]);
  });
});
