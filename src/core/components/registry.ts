import { bonus } from './bonus.js';
import { commission } from './commission.js';
import type { ComponentType } from './component.js';
import { draw } from './draw.js';
import { fine } from './fine.js';
import { multiplier } from './multiplier.js';
import { override } from './override.js';
import { perUnit } from './per-unit.js';
import { salary } from './salary.js';
import { upsell } from './upsell.js';

/** Every component type, by its `type:` name. Adding a type is adding a file and a line here. */
export const COMPONENT_TYPES: ReadonlyMap<string, ComponentType<unknown>> = new Map(
  ([salary, commission, upsell, bonus, perUnit, fine, multiplier, override, draw] as ComponentType<unknown>[]).map((t) => [t.type, t]),
);

export function componentType(type: string): ComponentType<unknown> | undefined {
  return COMPONENT_TYPES.get(type);
}
