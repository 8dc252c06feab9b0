import { componentType } from '../../components/registry.js';
import * as R from '../../money/rational.js';
import { problem, warning } from '../../problems/problem.js';
import type { Rule } from './rule.js';

export const negativeCaps: Rule = (scheme, report) => {
  for (const c of scheme.components) {
    c.cap?.forEach((d, i) => {
      // (a cap of the rep's own is known only when he is paid)
      if (d.value instanceof R.Q && R.sign(d.value) < 0) {
        report(
          problem('negative-cap', `cap of '${c.id}' is negative (${R.toDecimalString(d.value)})`, {
            path: c.cap!.length > 1 ? [...c.path, 'cap', i, 'value'] : [...c.path, 'cap'],
            hint: 'a cap is the most a component pays: 0 or more',
          }),
        );
      }
    });
  }
  scheme.variableCap?.amount.forEach((d, i) => {
    if (R.sign(d.value) < 0) {
      report(problem('negative-cap', 'the variable pay cap is negative', { path: scheme.variableCap!.amount.length > 1 ? ['variable_cap', 'amount', i, 'value'] : ['variable_cap', 'amount'] }));
    }
  });
};

export const creditShares: Rule = (scheme, report) => {
  for (const rule of scheme.credit) {
    const total = R.sum(rule.split.map((s) => s.share));
    if (!R.eq(total, R.ONE)) {
      report(
        problem('share-sum', `credit shares add up to ${R.toDecimalString(R.mul(total, R.q(100)))} %, not 100 %`, {
          path: [...rule.path, 'split'],
          hint: 'e.g. finder: 50%, closer: 50%',
        }),
      );
    }
    for (const s of rule.split) {
      if (R.sign(s.share) < 0) report(problem('bad-value', `a credit share cannot be negative`, { path: [...rule.path, 'split', s.role] }));
    }
    for (const s of rule.overlay) {
      if (R.sign(s.share) <= 0 || R.cmp(s.share, R.ONE) > 0) {
        report(problem('bad-value', `an overlay share is above 0 and at most 100 %`, { path: [...rule.path, 'overlay', s.role], hint: 'e.g. se: 100% (full credit as well as the seller), or se: 50%' }));
      }
      if (rule.split.some((x) => x.role === s.role)) {
        report(problem('bad-value', `role '${s.role}' is in the split and in the overlay`, { path: [...rule.path, 'overlay', s.role], hint: 'a role is credited by the split (within 100 %) or by the overlay (beyond it), not both' }));
      }
    }
  }
};

export const seasonality: Rule = (scheme, report) => {
  for (const plan of scheme.plans.values()) {
    if (!plan.seasonality) continue;
    const mean = R.div(R.sum(plan.seasonality), R.q(12));
    const off = R.sub(mean, R.ONE);
    if (R.cmp(off, R.q(1, 20)) > 0 || R.cmp(off, R.q(-1, 20)) < 0) {
      report(
        warning('seasonality', `seasonality factors of plan '${plan.name}' average ${R.toDecimalString(mean, 3)}, so they change the yearly plan too`, {
          path: [...plan.path, 'seasonality'],
          hint: 'factors that average 1 only move the plan between months',
        }),
      );
    }
  }
};

export const windows: Rule = (scheme, report) => {
  for (const c of scheme.components) {
    if (c.from !== undefined && c.to !== undefined && c.to < c.from) {
      report(problem('date-order', `component '${c.id}' ends ('to') before it starts ('from')`, { path: [...c.path, 'to'] }));
    }
  }
};

export const singleDraw: Rule = (scheme, report) => {
  const draws = scheme.components.filter((c) => c.type === 'draw');
  draws.forEach((d, i) => {
    const clash = draws.slice(0, i).find((e) => !d.roles || !e.roles || d.roles.some((r) => e.roles!.includes(r)));
    if (clash) {
      report(problem('conflict', `draws '${clash.id}' and '${d.id}' apply to the same reps; a rep has at most one draw`, { path: d.path, hint: "give each draw its own 'roles'" }));
    }
  });
};

export const clawbacks: Rule = (scheme, report) => {
  for (const c of scheme.components) {
    if (c.clawback && !componentType(c.type)?.attributesClients) {
      report(
        problem('conflict', `a ${c.type} component cannot be clawed back: it is not paid per client`, {
          path: c.clawback.path,
          hint: 'clawbacks apply to commission and upsell components',
        }),
      );
    }
  }
};

export const typeChecks: Rule = (scheme, report) => {
  for (const c of scheme.components) for (const p of componentType(c.type)?.check?.(c, scheme) ?? []) report(p);
};
