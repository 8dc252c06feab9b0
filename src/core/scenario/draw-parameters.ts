import { draw, nameOf, normalQuantile, runKey } from '../random/counter.js';
import { ENTITY } from '../random/entities.js';
import { STREAM } from '../random/streams.js';
import { normaliseScenario } from './normalise.js';
import type { Scenario, UncertainParameter } from './types.js';

/**
 * A parameter moved by `z` standard errors, on a scale that keeps it in its
 * range: a value strictly between 0 and 1 (a probability, a share) on the
 * logit scale, a positive one on the log scale, any other on its own; the
 * standard error carried to that scale by the delta method.
 */
export function moved(p: Pick<UncertainParameter, 'value' | 'se'>, z: number): number {
  const { value: v, se } = p;
  if (!(se > 0) || z === 0) return v;
  if (v > 0 && v < 1) {
    const logit = Math.log(v / (1 - v)) + (z * se) / (v * (1 - v));
    return 1 / (1 + Math.exp(-logit));
  }
  if (v > 0) return v * Math.exp((z * se) / v);
  return v + z * se;
}

/** the scenario with numbers of its file set anew (each by its keys), read again as its file would be */
export function scenarioWith(sc: Scenario, settings: readonly { keys: readonly (string | number)[]; value: number }[]): Scenario {
  const raw = structuredClone(sc.source) as Record<string, unknown>;
  for (const { keys, value } of settings) {
    let node = raw as Record<string | number, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[keys[keys.length - 1]] = value;
  }
  return normaliseScenario(raw, sc.file).scenario;
}

/**
 * The scenario a run plays under --uncertainty: each estimated parameter
 * drawn from its estimate (normal on the scale `moved` uses, independent:
 * the fits estimate them apart), from the run's own stream of the model
 * (ENTITY.model, STREAM.parameter), so every scheme compared sees the same
 * draw in run i, and no other draw of the run moves.
 */
export function scenarioOfRun(sc: Scenario, seed: number, run: number): Scenario {
  if (sc.uncertainty.length === 0) return sc;
  const name = nameOf(runKey(seed, run), ENTITY.model);
  return scenarioWith(
    sc,
    sc.uncertainty.map((p, k) => ({ keys: p.keys, value: moved(p, normalQuantile(draw(name, STREAM.parameter, k))) })),
  );
}
