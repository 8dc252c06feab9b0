import { bonus } from './bonus.js';
import { commission } from './commission.js';
import type { ComponentType } from './component.js';
import { deduction } from './deduction.js';
import { draw } from './draw.js';
import { fine } from './fine.js';
import { formula } from './formula.js';
import { growth } from './growth.js';
import { multiplier } from './multiplier.js';
import { override } from './override.js';
import { perUnit } from './per-unit.js';
import { salary } from './salary.js';
import { upsell } from './upsell.js';

/** Every component type, by its `type:` name. Adding a type is adding a file and a line here. */
const types = new Map(
  ([salary, commission, upsell, bonus, perUnit, fine, multiplier, override, draw, formula, deduction, growth] as ComponentType<unknown>[]).map((t) => [t.type, t]),
);
export const COMPONENT_TYPES: ReadonlyMap<string, ComponentType<unknown>> = types;

const listeners: (() => void)[] = [];

/**
 * Add a component type at run time (an extension, or a test proving that a
 * new type changes behaviour with no change to the simulation). Schemes
 * loaded afterwards may use it; the JSON Schema is rebuilt.
 */
export function registerComponentType<S>(t: ComponentType<S>): void {
  types.set(t.type, t as ComponentType<unknown>);
  for (const l of listeners) l();
}

/** called when the set of types changes (the scheme loader drops its compiled schema) */
export function onComponentTypes(listener: () => void): void {
  listeners.push(listener);
}

export function componentType(type: string): ComponentType<unknown> | undefined {
  return COMPONENT_TYPES.get(type);
}
