/**
 * The types of a scheme's organisation rules (normalised by
 * src/core/scheme/organisation.ts, played out by src/core/sim/bases.ts and moves.ts).
 */
import type { ActivityKind } from '../scenario/types.js';

/** What a rep of a role does and how many reps have it. */
export interface RoleSpec {
  name: string;
  /** the activities his hours may go to */
  activities: readonly ActivityKind[];
  /** how many of the scenario's reps have this role: a count, or a share */
  count: number | undefined;
  share: number | undefined;
}

/**
 * Organisation rules a scheme declares and the simulation plays out: who
 * owns which client, how leads are shared, who does what, pair work,
 * rotation. Payout ignores them; `motiv simulate` applies them month by month.
 */
export interface Organisation {
  base:
    | {
        /** most firms a rep owns, counting the categories in `counts` */
        cap: number | undefined;
        /** what counts toward the cap: firms (prospect, signed, active, the default) or clients only (signed, active) */
        counts: readonly ('prospect' | 'signed' | 'active')[];
        /** unowned firms wait in a shared pool that reps take from when they have room */
        pool: boolean;
        /** an owned firm with no order for this many months goes back to the pool */
        releaseAfterMonths: number | undefined;
        /** a new rep's base: up to `cap` firms, none released for `lockedMonths` */
        newcomer: { cap: number; lockedMonths: number } | undefined;
        /** a rep's cap grows by this many firms per active client he owns */
        growPerActive: number;
        /** the most a grown cap reaches */
        growMax: number | undefined;
        /** no assigned base: every rep may work every firm of the market; a firm is his who last signed or sold to it */
        open: boolean;
        /** a rep may work a colleague's firm once its owner has given it no hours for this many months (undefined: never) */
        poachingQuietMonths: number | undefined;
      }
    | undefined;
  leads: { distribution: 'equal' | 'round_robin' | 'pool' };
  roles: readonly RoleSpec[];
  /** clients move from one role to another some months after activation or signing */
  handover: { from: string; to: string; afterMonths: number; since: 'activation' | 'signing' } | undefined;
  /** clients of a segment belong to reps of a role (VIP clients under a supervisor), once signed */
  segments: readonly { segment: string; role: string }[];
  /** two reps on each client of these segments, credit split between them */
  pairs: { segments: readonly string[] | undefined; share: number | undefined; coordinated: boolean } | undefined;
  /** bases move to the next rep (of the same role) every so many months; relationships start again */
  rotation: { everyMonths: number } | undefined;
}
