import { firstDay, type Month } from '../time/month.js';
import type { Rep } from '../types.js';
import { inboundAccount } from './leads.js';
import { assignRoles, drawRep, newcomer } from './people.js';
import { Prober } from './probes.js';
import type { RunState } from './state.js';
import type { SimSpec } from './sim-spec.js';
import type { StartBook } from './start-book.js';

/**
 * The roles of the team: from reps.csv with --data, else shared out by the
 * first scheme's organisation; and the role names reported on, in order.
 */
export function teamRoles(spec: Pick<SimSpec, 'schemes' | 'book' | 'scenario'>): { roles: (string | undefined)[]; names: string[] } {
  const org = spec.schemes[0].scheme.organisation;
  const slots = spec.book ? spec.book.reps.length : spec.scenario.reps.count;
  const roles = spec.book ? spec.book.reps.map((r) => r.role) : assignRoles(org, slots);
  const names: string[] = [];
  for (const r of [...org.roles.map((x) => x.name), ...roles]) if (r !== undefined && !names.includes(r)) names.push(r);
  return { roles, names };
}

/** the rep for a slot and generation of hires (the starting team is generation 0) */
export function repOfSlot(book: StartBook | undefined, slot: number, generation: number, columns: Record<string, string>, role: string | undefined): Rep {
const b = book?.reps[slot];
  const id = generation === 0 ? (b?.id ?? `r${slot + 1}`) : `${b?.id ?? `r${slot + 1}`}.${generation + 1}`;
  return {
    id,
    name: generation === 0 ? (b?.name ?? `Rep ${slot + 1}`) : `${b?.name ?? `Rep ${slot + 1}`} (hired)`,
    role,
    manager: b?.manager,
    // a rep of the data keeps his start (his tenure) and his plans; a hire starts afresh (the caller dates him)
    start: generation === 0 ? b?.start : undefined,
    end: undefined,
    ...(generation === 0 && b?.assignments ? { assignments: b.assignments } : {}),
    columns: b && generation === 0 ? b.columns : columns,
    source: b ? { file: 'reps.csv', line: 0, decimal: b.decimal } : undefined,
  };
}

/**
 * A newcomer in a slot: his ledger, payer and probe bench, nothing expected
 * of him yet; with `foreign` (reps may work firms they do not own), none of
 * his predecessor's hours on them, and the slot's firms not called by him yet.
 */
export function hire(s: RunState, slot: number, x: { book: StartBook | undefined; start: Month; fast: boolean; foreign: Float64Array | undefined; capacity: number }): void {
  const { w, sc, ledger } = s;
  const columns = drawRep(w, sc, s.key, slot, s.generation[slot] + 1);
  // a hire starts on the first of the month he is hired in: his tenure (ramps) counts from it, as in the history `generate` writes
  const rep = newcomer(s, slot, (sl, gen) => ({ ...repOfSlot(x.book, sl, gen, columns, s.role[sl]), start: firstDay(x.start + s.t) }));
  ledger.setRep(slot, rep);
  s.payers[slot] = s.engine.payer(rep);
  s.probers[slot] = new Prober(s.view, rep, x.fast);
  s.probers[slot].attach(ledger, s.view, s.role[slot], s.org);
  s.nextProbe[slot] = s.t;
  s.stableProbes[slot] = 0;
  s.nextFresh[slot] = s.t;
  s.expSign.fill(0, slot * sc.segments.length, (slot + 1) * sc.segments.length);
  s.expActivate.fill(0, slot * sc.segments.length, (slot + 1) * sc.segments.length);
  s.expLose.fill(0, slot * sc.segments.length, (slot + 1) * sc.segments.length);
  s.expInbound.fill(0, slot * 3, slot * 3 + 3);
  s.inbound[slot] = inboundAccount(s, rep);
  if (x.foreign) {
    x.foreign.fill(0, slot * x.capacity, (slot + 1) * x.capacity);
    for (let i = 0; i < w.count; i++) if (w.owner[i] === slot) w.ownerCallAt[i] = s.t - 1;
  }
}
