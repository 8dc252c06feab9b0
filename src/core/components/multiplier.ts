import { problem } from '../problems/problem.js';
import { basisProperties, FactorBands } from '../scheme/schema-parts.js';
import type { Band, Basis } from '../types.js';
import type { ComponentType, Draft } from './component.js';
import { bandText } from './rating.js';

export interface MultiplierSpec {
  appliesTo: string[];
  basis: Basis | undefined;
  bands: Band[];
}

/**
 * Penalty coefficients and accelerators on other components by band of
 * attainment: each target line is multiplied by the band's factor, shown as
 * its own adjustment line so the total stays the sum of the lines.
 */
export const multiplier: ComponentType<MultiplierSpec> = {
  type: 'multiplier',
  description: "Multiplies other components' lines by a factor chosen by band of attainment (or of a measure); penalties below plan, accelerators above.",
  properties: {
    applies_to: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Ids of the components multiplied.' },
    ...basisProperties,
    bands: { ...FactorBands, description: 'Factors by band: [{from: 0, to: 50%, factor: 0}, {from: 50%, to: 100%, factor: 0.8}, {from: 100%, factor: 1}].' },
  },
  required: ['applies_to', 'bands'],
  variable: true,
  // (a shut gate's line; each open line says it of its one target)
  rule: ({ spec }) => `multiplier on ${spec.appliesTo.join(', ')}`,
  normalise: (raw, n, path) => {
    if (raw.period !== undefined) {
      n.report(
        problem('conflict', "a multiplier has no 'period' of its own: it adjusts each target line in that line's period", {
          path: [...path, 'period'],
          hint: "remove 'period'; a quarterly target is multiplied by quarterly attainment",
        }),
      );
    }
    return {
    appliesTo: (raw.applies_to as unknown[]).map(String),
    basis: n.basis(raw, path, 'a multiplier'),
    bands: n.bands(raw.bands as Record<string, unknown>[], [...path, 'bands'], 'factor'),
    };
  },
  references: (s) => [
    ...s.appliesTo.map((id, i) => ({ kind: 'component' as const, id, path: ['applies_to', i] })),
    ...(s.basis ? [{ kind: 'basis' as const, basis: s.basis }] : []),
  ],
  bandLists: (s) => (s.bands.length ? [{ bands: s.bands, path: s.bands[0].path.slice(0, -1), value: 'factor' }] : []),
  check(c, scheme) {
    const out = [];
    for (const b of c.spec.bands) {
      if (b.factor && b.factor.n < 0n) out.push(problem('bad-value', 'a factor cannot be negative', { path: [...b.path, 'factor'], hint: 'use 0 to cancel the target' }));
    }
    // a multiplier multiplies its targets' pay lines (pay, cap: see pay below); another multiplier makes
    // only adjustment lines, so a multiplier on it never adds a line
    c.spec.appliesTo.forEach((id, i) => {
      const target = scheme.components.find((x) => x.id === id);
      if (!target || target === c || target.type !== 'multiplier') return;
      const own = (target.spec as MultiplierSpec).appliesTo.filter((t) => t !== c.id);
      out.push(
        problem('conflict', `'${id}' is a multiplier: a multiplier adjusts the pay of the components it applies to, and a multiplier pays none of its own, so '${c.id}' would never adjust anything`, {
          path: [...c.path, 'applies_to', i],
          hint: own.length
            ? `list ${id}'s own components in applies_to instead: ${own.join(', ')}; multipliers on one component compound`
            : `list the components ${id} applies to instead; multipliers on one component compound`,
        }),
      );
    });
    return out;
  },
  pay(c, ctx) {
    const { A, fmt } = ctx;
    const out: Draft<ReturnType<typeof ctx.measure>>[] = [];
    if (!c.spec.basis) return out;
    for (const target of c.spec.appliesTo) {
      const lines = ctx.linesOf(target).filter((l) => l.kind === 'pay' || l.kind === 'cap');
      if (lines.length === 0) continue;
      // multipliers compound: a second one multiplies the target as the first left it
      let targetAmount = A.zero;
      for (const l of [...lines, ...ctx.adjustmentsOf(target)]) targetAmount = A.add(targetAmount, l.amount);
      if (A.isZero(targetAmount)) continue;
      const b = ctx.basisFor(target, c.spec.basis);
      const band = c.spec.bands.find((x) => A.cmp(b.value, A.of(x.from)) >= 0 && (x.to === undefined || A.cmp(b.value, A.of(x.to)) < 0));
      const factor = band?.factor;
      if (!factor) {
        if (ctx.explain) {
          out.push({ amount: A.zero, kind: 'adjustment', target, explain: { rule: c.label ?? `multiplier on ${target}`, basis: b.text, band: 'no band: unchanged', arithmetic: '0' } });
        }
        continue;
      }
      const amount = A.mul(targetAmount, A.sub(A.of(factor), A.one));
      out.push({
        amount,
        kind: 'adjustment',
        target,
        explain: ctx.explain
          ? {
              rule: c.label ?? `multiplier on ${target}`,
              basis: b.text,
              band: bandText(ctx, band.from, band.to, b.unit),
              rate: `factor ${fmt.q(factor, 'count')}`,
              arithmetic: `${target} ${fmt.money(targetAmount)} × (${fmt.q(factor, 'count')} − 1) = ${fmt.money(amount)}`,
            }
          : undefined,
      });
    }
    return out;
  },
};
