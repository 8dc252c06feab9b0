import { floatArith } from '../money/arith.js';
import { PayoutEngine } from '../payout/engine.js';
import type { Month } from '../time/month.js';
import type { Rep, Scheme } from '../types.js';
import { dealMarket, openMarket } from './bases.js';
import { allowedOf } from './people.js';
import { viewScheme, type SchemeView } from './scheme-view.js';
import { sameRules } from './same-rules.js';
import type { SchemeSpell } from './sim-spec.js';
import type { SimLedger } from './sim-ledger.js';
import type { RunState } from './state.js';

/** the payout engine that pays simulated reps: the engine that pays real ones, in floating point, without explanations; the months from `historyFrom` are its history (steady-past.ts) */
export function simEngine(scheme: Scheme, ledger: SimLedger, reps: Rep[], historyFrom: Month): PayoutEngine<number> {
  return new PayoutEngine(scheme, ledger, reps, { A: floatArith, explain: false, dataFrom: historyFrom, scanLost: false });
}

/**
 * The view of each spell's scheme; a spell whose rules are the spell
 * before's (sameRules) keeps its view, so that no switch is made to it.
 */
export function spellViews(spells: readonly SchemeSpell[], segmentNames: readonly string[]): SchemeView[] {
  const views: SchemeView[] = [];
  spells.forEach((s, k) => views.push(k > 0 && sameRules(spells[k - 1].scheme, s.scheme) ? views[k - 1] : viewScheme(s.scheme, segmentNames)));
  return views;
}

/** the spell that starts now: a switch to its scheme (`keep`: what the one before said is kept first), none where its view is the one in force */
export function nextSpell(s: RunState, from: SchemeView, to: SchemeView, keep: () => void): SchemeView {
  if (to === from) return from;
  keep();
  switchScheme(s, to);
  return to;
}

/**
 * The run passes to the next scheme of a switch (`--switch-at`) this month:
 * its organisation (into an open base the prospects go to the market; out of
 * one, back to the bases), its credit rules and engine, and every rep asks
 * afresh what his outcomes are worth.
 */
export function switchScheme(s: RunState, view: SchemeView): void {
  s.view = view;
  const wasOpen = s.org.base?.open === true;
  s.org = view.scheme.organisation;
  if (!wasOpen) openMarket(s);
  else dealMarket(s);
  const n = s.reps.length;
  for (let r = 0; r < n; r++) s.allowed[r] = allowedOf(s.org, s.role[r]);
  s.ledger.useScheme(view.scheme);
  s.engine = simEngine(view.scheme, s.ledger, s.reps, s.historyFrom);
  for (let r = 0; r < n; r++) {
    s.payers[r] = s.employed[r] ? s.engine.payer(s.reps[r]) : undefined;
    s.probers[r].useScheme(view);
    s.probers[r].attach(s.ledger, view, s.role[r], s.org);
  }
  s.nextProbe.fill(s.t);
  s.stableProbes.fill(0);
  s.nextFresh.fill(s.t);
}
