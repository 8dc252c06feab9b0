import { describe, expect, it } from 'vitest';
import { rolesByNature } from '../../src/core/sim/people.js';
import { World } from '../../src/core/sim/world.js';
import { once } from '../helpers/once.js';
import { paired } from '../helpers/literature.js';
import { bundled, meanOf, play, scenarioText, schemeText } from '../helpers/sim.js';

const SPLIT = schemeText(bundled('schemes/merged-split.yaml'));
const MERGED = schemeText(bundled('schemes/merged-role.yaml'));

/** a world of four reps with these skills on prospects and on active clients */
function team(skills: [number, number][]): World {
  const w = new World(4, skills.length);
  skills.forEach(([p, a], r) => {
    w.skill[r * 4] = p;
    w.skill[r * 4 + 2] = a;
  });
  return w;
}

describe('a synthetic team: each role goes to the reps whose nature fits it', () => {
  it('the hunting role goes to the reps best with prospects against active clients, the counts of each role kept', () => {
    const org = SPLIT.organisation;
    const roles = ['hunter', 'hunter', 'account_manager', 'account_manager'];
    const w = team([
      [0.8, 1.2],
      [1.3, 0.9],
      [1.0, 1.0],
      [1.5, 0.7],
    ]);
    expect(rolesByNature(org, roles, w)).toEqual(['account_manager', 'hunter', 'account_manager', 'hunter']);
  });

  it('a team of one role, or of roles alike in what they do, is left as it was', () => {
    const w = team([
      [0.8, 1.2],
      [1.5, 0.7],
    ]);
    expect(rolesByNature(MERGED.organisation, ['manager', 'manager'], w)).toEqual(['manager', 'manager']);
    expect(rolesByNature(MERGED.organisation, [undefined, undefined], w)).toEqual([undefined, undefined]);
  });

  // case 3: burnout wears out the reps whose hours go to the other nature's work; apart, hunters hunt
  const scenario = scenarioText(bundled('scenarios/merged.yaml'));
  const RUNS = 40;
  const merged = once(() => play(scenario, MERGED, RUNS));
  const split = once(() => play(scenario, SPLIT, RUNS));
  it('with sales and account management apart fewer managers leave than under the merged role, on the same runs', () => {
    const d = paired(merged().map((r, i) => meanOf([split()[i]], 'reps_departed') - meanOf([r], 'reps_departed')));
    expect(d.hi).toBeLessThan(0);
  });
});
