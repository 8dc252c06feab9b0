import { problem, type Path, type Problem } from '../problems/problem.js';
import { didYouMean } from '../problems/suggest.js';
import { ACTIVITIES, type ActivityKind } from '../scenario/types.js';
import type { Organisation, RoleSpec } from './organisation-types.js';
import type { JsonSchema } from '../yaml/check-schema.js';
import { ID_PATTERN, idHint, Rate } from './schema-parts.js';

type Raw = Record<string, unknown>;

const positiveInt = (description: string): JsonSchema => ({ type: 'integer', minimum: 1, description });

/** JSON Schema of a scheme's `organisation:` section */
export const OrganisationSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'Organisation rules the simulation plays out: ownership of clients, how leads are shared, roles, pair work, rotation. Payout ignores them.',
  properties: {
    base: {
      type: 'object',
      additionalProperties: false,
      description: "Each rep's base of firms (prospects, signed and active clients).",
      properties: {
        cap: positiveInt('Most firms a rep owns (200 in case 4, 20-25 clients in case 3).'),
        counts: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { enum: ['prospect', 'signed', 'active'] },
          description: 'What counts toward the cap: firms of every kind (default), or [signed, active] for clients only.',
        },
        pool: { type: 'boolean', description: 'Firms no rep owns wait in a shared pool; a rep with room takes the most promising (default: true when release_after_months is set).' },
        release_after_months: positiveInt('A firm with no order for this many months goes back to the pool.'),
        newcomer: {
          type: 'object',
          additionalProperties: false,
          required: ['cap', 'locked_months'],
          properties: {
            cap: positiveInt('A new rep may hold up to this many firms.'),
            locked_months: positiveInt('None of his firms goes back to the pool for this many months.'),
          },
        },
        grow: {
          type: 'object',
          additionalProperties: false,
          required: ['per_active_client'],
          description: "A rep's cap grows with his results.",
          properties: {
            per_active_client: { type: 'number', minimum: 0, description: 'Extra firms per active client he owns.' },
            max: positiveInt('The most a grown cap reaches.'),
          },
        },
        open: {
          type: 'boolean',
          description: 'No assigned base (case 4\'s "abolish the client base"): every rep may work every firm of the market; a firm is the rep\'s who last signed or sold to it. Takes no other base key.',
        },
        poaching: {
          type: 'object',
          additionalProperties: false,
          required: ['quiet_months'],
          description: "A rep may work a colleague's firm; who is credited with what he sells there is the credit rules' business (role seller: him; owner: the colleague).",
          properties: {
            quiet_months: { type: 'integer', minimum: 0, description: 'Only once its owner has given it no hours for this many months (0: any time).' },
          },
        },
      },
    },
    leads: {
      type: 'object',
      additionalProperties: false,
      properties: {
        distribution: {
          enum: ['equal', 'round_robin', 'pool'],
          description: 'equal: the same number to each rep every month; round_robin: one after the other across months; pool: every rep may take any lead, the first to have time takes it.',
        },
      },
    },
    roles: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: ID_PATTERN, hint: idHint('role name') },
      description: "What each role does and how many reps have it. Roles with neither count nor share split the reps left over evenly; with --data, reps.csv's role column decides.",
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['activities'],
        properties: {
          activities: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: { enum: [...ACTIVITIES] },
            description: 'The activities his hours may go to: prospect, signed, active, leads.',
          },
          count: { type: 'integer', minimum: 0, description: "How many of the scenario's reps have this role." },
          share: { ...Rate, description: 'Which share of the scenario\'s reps have this role: a fraction (0.25) or a percentage ("25%").' },
        },
      },
    },
    handover: {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'to', 'after_months'],
      description: 'Clients move from one role to another (hunter to farmer) some months in.',
      properties: {
        from: { type: 'string' },
        to: { type: 'string' },
        after_months: positiveInt('After this many months the client changes hands.'),
        since: { enum: ['activation', 'signing'], description: 'Months counted from activation (default) or signing.' },
      },
    },
    segments: {
      type: 'object',
      minProperties: 1,
      description: "Rules per segment of the scenario: e.g. 'vip: {role: supervisor}' gives VIP clients, once signed, to the supervisors.",
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['role'],
        properties: {
          role: { type: 'string', description: "Signed and active clients of the segment belong to reps of this role (the least loaded with room); they leave any other role's base, handover or not." },
        },
      },
    },
    pairs: {
      type: 'object',
      additionalProperties: false,
      description: 'Two reps on each client (of some segments): a second rep works it too and shares the credit.',
      properties: {
        segments: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Only clients of these segments (default: all).' },
        share: {
          ...Rate,
          description:
            "Fixed shares, like a credits.csv share: the owner's share of each sale's and event's credit (0.6 or \"60%\"), the partner gets the rest, whatever the credit rules say. Without it both hold the credit role 'pair' and the credit rules split the credit.",
        },
        coordinated: { type: 'boolean', description: 'The pair agree who calls when (default true); uncoordinated pairs annoy the client like any two reps.' },
      },
    },
    rotation: {
      type: 'object',
      additionalProperties: false,
      required: ['every_months'],
      properties: { every_months: positiveInt('Every this many months each base moves to the next rep of the same role; relationships start again.') },
    },
  },
};

export const NO_ORGANISATION: Organisation = { base: undefined, leads: { distribution: 'equal' }, roles: [], handover: undefined, segments: [], pairs: undefined, rotation: undefined };

/** the organisation section, typed, with the checks only the whole scheme can make */
export function normaliseOrganisation(
  raw: Raw | undefined,
  schemeRoles: readonly string[] | undefined,
  report: (p: Problem) => void,
  rate: (raw: unknown, path: Path) => number,
): Organisation {
  if (!raw) return NO_ORGANISATION;
  const path: Path = ['organisation'];
  /** a share from 0 to 1 (or strictly inside it), written as a fraction or a percentage */
  const shareAt = (value: unknown, where: Path, open: boolean): number | undefined => {
    if (value === undefined) return undefined;
    const v = rate(value, where);
    if (open ? v <= 0 || v >= 1 : v < 0 || v > 1) {
      report(problem('bad-value', `a share of ${Math.round(v * 1e4) / 100} % is not possible here`, { path: where, hint: open ? 'a share above 0 % and below 100 %' : 'a share from 0 % to 100 %' }));
      return undefined;
    }
    return v;
  };
  const base = raw.base as Raw | undefined;
  const grow = base?.grow as Raw | undefined;
  const newcomer = base?.newcomer as Raw | undefined;
  const roles: RoleSpec[] = Object.entries((raw.roles as Record<string, Raw> | undefined) ?? {}).map(([name, r]) => ({
    name,
    activities: r.activities as ActivityKind[],
    count: r.count as number | undefined,
    share: shareAt(r.share, [...path, 'roles', name, 'share'], false),
  }));
  const roleNames = roles.map((r) => r.name);
  const known = new Set([...(schemeRoles ?? []), ...roleNames]);
  const checkRole = (name: string, where: Path) => {
    if (known.has(name)) return;
    const dym = didYouMean(name, known);
    report(problem('unknown-reference', `role '${name}' is neither in the scheme's roles nor under organisation.roles${dym ? `; ${dym}` : ''}`, { path: where }));
  };
  for (const r of roles) {
    if (schemeRoles && !schemeRoles.includes(r.name)) {
      const dym = didYouMean(r.name, schemeRoles);
      report(
        problem('unknown-reference', `role '${r.name}' is not among the scheme's roles (${schemeRoles.join(', ')})${dym ? `; ${dym}` : ''}`, {
          path: [...path, 'roles', r.name],
          onKey: true,
          hint: "add it to 'roles:' at the top, or drop the top-level list",
        }),
      );
    }
    if (r.count !== undefined && r.share !== undefined) {
      report(problem('conflict', `role '${r.name}' has both 'count' and 'share'`, { path: [...path, 'roles', r.name], hint: 'keep one of them' }));
    }
  }
  const shares = roles.reduce((a, r) => a + (r.share ?? 0), 0);
  if (shares > 1 + 1e-9) report(problem('share-sum', `role shares add up to ${Math.round(shares * 100)} %, more than 100 %`, { path: [...path, 'roles'] }));
  const handoverRaw = raw.handover as Raw | undefined;
  if (handoverRaw) {
    checkRole(String(handoverRaw.from), [...path, 'handover', 'from']);
    checkRole(String(handoverRaw.to), [...path, 'handover', 'to']);
  }
  if (newcomer && base?.cap !== undefined && (newcomer.cap as number) < (base.cap as number)) {
    report(problem('bad-value', `a newcomer's cap (${newcomer.cap}) is below the normal cap (${base.cap})`, { path: [...path, 'base', 'newcomer', 'cap'], hint: 'a newcomer gets a bigger base to start from' }));
  }
  if (base?.open === true) {
    // an open market has no bases to cap, pool, release or poach from
    for (const key of ['cap', 'counts', 'pool', 'release_after_months', 'newcomer', 'grow', 'poaching']) {
      if (base[key] !== undefined) {
        report(problem('conflict', `an open base ('open: true') has no '${key}': every rep may work every firm`, { path: [...path, 'base', key], onKey: true, hint: `drop '${key}', or drop 'open: true' for bases of their own` }));
      }
    }
  }
  if (base?.release_after_months !== undefined && base.pool === false) {
    report(problem('conflict', "firms released after some months need a pool to go back to: drop 'pool: false'", { path: [...path, 'base', 'pool'] }));
  }
  const segments = Object.entries((raw.segments as Record<string, Raw> | undefined) ?? {}).map(([segment, r]) => ({ segment, role: String(r.role) }));
  for (const r of segments) checkRole(r.role, [...path, 'segments', r.segment, 'role']);
  const pairs = raw.pairs as Raw | undefined;
  return {
    base: base
      ? {
          cap: base.cap as number | undefined,
          counts: (base.counts as ('prospect' | 'signed' | 'active')[] | undefined) ?? ['prospect', 'signed', 'active'],
          pool: (base.pool as boolean | undefined) ?? base.release_after_months !== undefined,
          releaseAfterMonths: base.release_after_months as number | undefined,
          newcomer: newcomer ? { cap: newcomer.cap as number, lockedMonths: newcomer.locked_months as number } : undefined,
          growPerActive: (grow?.per_active_client as number | undefined) ?? 0,
          growMax: grow?.max as number | undefined,
          open: base.open === true,
          poachingQuietMonths: (base.poaching as Raw | undefined)?.quiet_months as number | undefined,
        }
      : undefined,
    leads: { distribution: ((raw.leads as Raw | undefined)?.distribution as 'equal' | 'round_robin' | 'pool' | undefined) ?? 'equal' },
    roles,
    handover: handoverRaw
      ? {
          from: String(handoverRaw.from),
          to: String(handoverRaw.to),
          afterMonths: handoverRaw.after_months as number,
          since: (handoverRaw.since as 'activation' | 'signing' | undefined) ?? 'activation',
        }
      : undefined,
    segments,
    pairs: pairs
      ? { segments: pairs.segments as string[] | undefined, share: shareAt(pairs.share, [...path, 'pairs', 'share'], true), coordinated: pairs.coordinated !== false }
      : undefined,
    rotation: raw.rotation ? { everyMonths: (raw.rotation as Raw).every_months as number } : undefined,
  };
}
