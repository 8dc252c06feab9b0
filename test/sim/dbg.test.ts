import { it } from 'vitest';
import { litScheme, world } from '../helpers/literature.js';
import { Simulator } from '../../src/core/sim/run.js';
it('dbg', () => {
  const sc = world();
  const scheme = litScheme('c', `  - {id: cover, type: bonus, measure: coverage, threshold: 98%, amount: 1500}\n`);
  const sim = new Simulator({ scenario: sc, schemes: [{ scheme, from: 0 }], months: 4, seed: 1, detail: false, observe: (s) => {
    const led = s.ledger.reps.get(s.reps[0].id)!;
    console.log(s.t, 'contact', s.repRates[0][0].contact, 'hour', Array.from(s.repRates[0][0].hour), 'act months', [...led.activity.keys()], 'owned', led.owned.length, 'view.activity', s.view.activity, s.probers[0].linear);
  } });
  sim.run(0);
});
