import type { RunState } from '../sim/state.js';
import { firstDay, lastDay, type Day, type Month } from '../time/month.js';

/** a role a client's sales are credited by, whose holder may change hands in a run */
const ROLES = ['owner', 'finder', 'closer'] as const;
export type HeldRole = (typeof ROLES)[number];

/** a dated row of credits.csv: who held a role of a client on which days (both included; undefined: no bound) */
export interface HistoryCredit {
  client: string;
  rep: string;
  role: HeldRole;
  from: Day | undefined;
  to: Day | undefined;
}

/**
 * Who held each client's owner, finder and closer roles month by month, as
 * the simulation credits them (the engine's view of the client: a rep hired
 * into a departed rep's slot takes his firms and their credit, a handover
 * moves the owner). A role that changed hands is written as dated rows of
 * credits.csv, so that payout on the history credits each sale as the
 * simulation did; one that never did is clients.csv's column alone. Kept as
 * each role's first holder and a list of changes: most roles never change.
 */
export class CreditHistory {
  /** by client slot × role: its holder now (null: nobody; undefined: nobody held it yet), its first holder and the month he was first seen */
  private readonly now: (string | null | undefined)[] = [];
  private readonly first: (string | undefined)[] = [];
  private readonly firstT: number[] = [];
  /** the changes, in the order seen: the slot × role, the month and the new holder */
  private readonly changeAt: number[] = [];
  private readonly changeT: number[] = [];
  private readonly changeTo: (string | undefined)[] = [];
  private readonly ids: string[] = [];

  /** a month, as its sales were credited: the holders of every client the engine knows */
  month(s: RunState): void {
    const n = ROLES.length;
    // the simulation credits a rep's slot (SimLedger.slotOf), so a role named for a rep who left is his successor's
    const holder = (id: string | undefined): string | null => {
      if (id === undefined) return null;
      const slot = s.ledger.slotOf(id);
      return slot === undefined ? id : s.reps[slot].id;
    };
    for (let i = 0; i < s.w.count; i++) {
      const c = s.clients[i];
      if (!c) continue;
      this.ids[i] = c.id;
      for (let r = 0; r < n; r++) {
        const k = i * n + r;
        const rep = holder(c[ROLES[r]]);
        const held = this.now[k];
        if (held === rep) continue;
        if (held === undefined) {
          // (nobody yet: no sale is credited by the role before it is held)
          if (rep === null) continue;
          this.first[k] = rep;
          this.firstT[k] = s.t;
        } else {
          this.changeAt.push(k);
          this.changeT.push(s.t);
          this.changeTo.push(rep ?? undefined);
        }
        this.now[k] = rep;
      }
    }
  }

  private readonly changedSlots = new Set<number>();
  private countChanges(): Set<number> {
    if (this.changedSlots.size === 0) for (const k of this.changeAt) this.changedSlots.add(k);
    return this.changedSlots;
  }

  /** whether a client slot's role changed hands (its clients.csv column then says nothing the rows do not) */
  changed(i: number, role: HeldRole): boolean {
    return this.countChanges().has(i * ROLES.length + ROLES.indexOf(role));
  }

  /** the one rep who held a client slot's role all along (undefined: nobody, or it changed hands) */
  sole(i: number, role: HeldRole): string | undefined {
    const k = i * ROLES.length + ROLES.indexOf(role);
    return this.countChanges().has(k) ? undefined : this.first[k];
  }

  /** the dated rows of the roles that changed hands, client slot by slot; `start` is month t = 0 */
  rows(start: Month): HistoryCredit[] {
    const spells = new Map<number, { rep: string | undefined; t: number }[]>();
    for (const k of [...this.countChanges()].sort((a, b) => a - b)) spells.set(k, [{ rep: this.first[k], t: this.firstT[k] }]);
    for (let j = 0; j < this.changeAt.length; j++) spells.get(this.changeAt[j])!.push({ rep: this.changeTo[j], t: this.changeT[j] });
    const out: HistoryCredit[] = [];
    for (const [k, list] of spells) {
      const client = this.ids[Math.floor(k / ROLES.length)];
      const role = ROLES[k % ROLES.length];
      for (let j = 0; j < list.length; j++) {
        const { rep, t } = list[j];
        if (rep === undefined) continue;
        const next = list[j + 1];
        out.push({ client, rep, role, from: j === 0 ? undefined : firstDay(start + t), to: next ? lastDay(start + next.t - 1) : undefined });
      }
    }
    return out;
  }
}
