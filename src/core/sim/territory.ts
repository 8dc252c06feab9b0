import { draw, nameOf, normalQuantile } from '../random/counter.js';
import { ENTITY } from '../random/entities.js';
import { STREAM } from '../random/streams.js';
import type { Scenario } from '../scenario/types.js';
import type { World } from './world.js';

/**
 * Each rep slot's territory: a factor on what his prospects sign and his
 * clients buy in a month. Its log follows an AR(1) around 0 with sd
 * `drift.territory_noise` and month-to-month correlation
 * `drift.territory_persistence`, drawn from the slot's own stream (the same
 * luck whoever holds the slot and whatever the scheme); the factor is
 * exp(log - sd²/2), so it averages 1. With no noise every factor is 1.
 */
export function stepTerritory(w: World, sc: Scenario, key: number, slots: number, t: number): void {
  const sd = sc.drift.territoryNoise;
  if (!(sd > 0)) {
    if (t === 0) w.territory.fill(1, 0, slots);
    return;
  }
  const rho = sc.drift.territoryPersistence;
  const innovation = Math.sqrt(1 - rho * rho);
  for (let r = 0; r < slots; r++) {
    const z = normalQuantile(draw(nameOf(key, ENTITY.slot, r), STREAM.territory, t));
    w.territoryLog[r] = t === 0 ? sd * z : rho * w.territoryLog[r] + innovation * sd * z;
    w.territory[r] = Math.exp(w.territoryLog[r] - (sd * sd) / 2);
  }
}
