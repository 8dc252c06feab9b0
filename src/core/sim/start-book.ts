import { stateOn, UNDATED_MONTHS } from '../data/client-state.js';
import { mean } from '../scenario/distributions.js';
import { toDecimalString } from '../money/rational.js';
import { formatDay, formatMonth, lastDay, monthOfDay, type Day, type Month } from '../time/month.js';
import type { Assignment, Client, Dataset, Q, Rep } from '../types.js';
import type { Scenario } from '../scenario/types.js';
import { warning, type Problem } from '../problems/problem.js';
import { SharePaths } from './share-paths.js';
import { assignmentsWithin } from '../payout/assignments.js';
import { ACTIVE, PROSPECT, SIGNED } from './world.js';
import { bookInvoices, type BookInvoice } from './book-invoices.js';
import { partialLastMonth } from './partial-month.js';
import { likeliestSegment } from './likeliest-segment.js';

/**
 * The book of business as it stands, read from a dataset: who the reps are,
 * which firms are prospects, signed or active clients, with their owners,
 * ages and what they buy. The simulation starts the month after the data
 * ends and carries it on; the reps' hours and skills still come from the
 * scenario, and so do the prospects when the data does not list them.
 */
export interface StartBook {
  /** first simulated month: the month after the data */
  start: Month;
  /** with their columns (plan columns such as a payment plan) and the decimal mark they were written with */
  reps: {
    id: string;
    name: string;
    role: string | undefined;
    manager: string | undefined;
    /** his first day, for his tenure (ramps); undefined: before the data */
    start: Day | undefined;
    /** his plans and their days (assignments.csv), which go on into the simulated months */
    assignments: readonly Assignment[] | undefined;
    columns: Record<string, string>;
    decimal: ',' | '.' | 'auto' | undefined;
  }[];
  /** signed and active clients first, then the prospects the data lists */
  clients: {
    id: string;
    state: number;
    /** slot of the rep who owns it; -1 for nobody (no owner, or one who left): the pool under a scheme with one, else clients go round the team and prospects stay out */
    owner: number;
    /** its segment in the scenario; NO_SEGMENT for a prospect the data gives none (drawn in each run) */
    segment: number;
    /** monthly revenue at a full share of wallet; NaN for a prospect (drawn from its segment in each run, as a synthetic one) */
    potential: number;
    margin: number;
    wallet: number;
    /** months before the start it was signed / activated (positive) */
    signedAgo: number;
    activatedAgo: number;
    /** its columns in clients.csv (an upsell's baseline column): the simulated client reads them as the real one */
    columns: Record<string, string>;
  }[];
  /** whether the data lists its prospects (clients.csv has a status column): then the scenario's `book.prospects` and `market.pool` are not drawn */
  prospectsFromData: boolean;
  /**
   * The invoices of its signed and active clients unpaid at the data's end
   * (book-invoices.ts): what the run starts owing (owed-from-data.ts).
   * Undefined where the data has no payment dates: the run makes them up
   * from the scenario's terms (owed-before.ts).
   */
  owed?: readonly BookInvoice[];
}

export function bookFromData(data: Dataset<Q>, scenario: Scenario): { book: StartBook; problems: Problem[] } {
  const problems: Problem[] = [];
  const end = data.lastMonth ?? scenario.start - 1;
  const start = end + 1;
  const endDay = lastDay(end);
  // employed past the data's last day: a rep who left by then is not in the run (QA: one gone on the 10th was paid for its months)
  const reps = data.reps.filter((r) => r.end === undefined || r.end > endDay);
  problems.push(...leavingLater(reps, end));
  const repIndex = new Map(reps.map((r, i) => [r.id, i]));
  const paths = new SharePaths(data, scenario, end);
  /** signed and active clients of no segment the scenario has, by the name written: how many went to each segment, and how many bought nothing lately */
  const unknownSegments = new Map<string, { counts: number[]; idle: number }>();
  /** prospects of a segment the scenario does not have, by the name written */
  const unknownProspects = new Map<string, number>();
  const segmentIndex = new Map(scenario.segments.map((s, i) => [s.name, i]));
  const clients: StartBook['clients'] = [];
  const prospects: StartBook['clients'] = [];
  const signedBuying: Client[] = [];
  for (const c of data.clients) {
    // an inbound account is not a client the simulation plays (the scenario's leads bring its deals), nor is a lost one
    if (c.status === 'inbound') continue;
    const state = stateOn(c, endDay);
    if (state === 'lost' || (state === 'prospect' && !data.hasStatus)) continue;
    const owner = c.owner !== undefined ? (repIndex.get(c.owner) ?? -1) : -1;
    // a prospect of no segment the scenario has is drawn one in each run, as a synthetic prospect is (NO_SEGMENT); a client goes
    // to the segment its purchases fit best (likeliest-segment.ts)
    const known = c.segment !== undefined && segmentIndex.has(c.segment);
    if (!known && state === 'prospect') {
      if (c.segment !== undefined) unknownProspects.set(c.segment, (unknownProspects.get(c.segment) ?? 0) + 1);
      prospects.push({ id: c.id, state: PROSPECT, owner, segment: NO_SEGMENT, potential: NaN, margin: NaN, wallet: 0, signedAgo: 0, activatedAgo: 0, columns: c.columns });
      continue;
    }
    const potential = known ? undefined : paths.roughPotential(c.id, state === 'active');
    const segment = known ? segmentIndex.get(c.segment!)! : likeliestSegment(scenario.segments, potential);
    // (one the data gives none: said where the scenario has segments to choose from)
    if (!known && (c.segment !== undefined || scenario.segments.length > 1)) {
      const unknown = unknownSegments.get(c.segment ?? '') ?? { counts: new Array<number>(scenario.segments.length).fill(0), idle: 0 };
      unknown.counts[segment]++;
      if (potential === undefined) unknown.idle++;
      unknownSegments.set(c.segment ?? '', unknown);
    }
    if (state === 'prospect') {
      prospects.push({ id: c.id, state: PROSPECT, owner, segment, potential: NaN, margin: NaN, wallet: 0, signedAgo: 0, activatedAgo: 0, columns: c.columns });
      continue;
    }
    const spec = scenario.segments[segment];
    const active = state === 'active';
    const signedMonth = c.signed ?? c.activated;
    const since = signedMonth !== undefined ? monthOfDay(signedMonth) : start - UNDATED_MONTHS;
    const activatedMonth = c.activated !== undefined ? monthOfDay(c.activated) : undefined;
    const recent = active ? paths.active(c.id, activatedMonth, since, spec) : paths.signed(c.id, since, spec);
    // a client that bought nothing lately (or a signed one buying no share) has its segment's potential, and buys nothing until attention wins it a share
    const buys = recent.revenue > 0 && recent.weight > 0;
    const margin = paths.margin(c.id);
    if (!active && buys) signedBuying.push(c);
    clients.push({
      id: c.id,
      state: active ? ACTIVE : SIGNED,
      owner,
      segment,
      potential: buys ? recent.revenue / recent.weight : mean(spec.revenue),
      margin: data.hasCosts && margin !== undefined ? margin : mean(spec.margin),
      wallet: active && buys ? recent.share : 0,
      signedAgo: start - since,
      activatedAgo: active ? start - (activatedMonth ?? since) : 0,
      columns: c.columns,
    });
  }
  const segmentNames = scenario.segments.map((s) => s.name).join(', ');
  for (const [name, { counts, idle }] of unknownSegments) {
    const n = counts.reduce((a, b) => a + b, 0);
    const what = name === '' ? `${n} signed or active client${n === 1 ? '' : 's'} with no segment in clients.csv` : `${n} signed or active client${n === 1 ? '' : 's'} of segment '${name}', which the scenario does not have,`;
    const where = counts.flatMap((k, g) => (k > 0 ? [`${k === n ? '' : `${k} `}in '${scenario.segments[g].name}'`] : [])).join(', ');
    problems.push(
      warning('unknown-reference', `${what} start${n === 1 ? 's' : ''} in the segment ${n === 1 ? 'its' : 'their'} purchases fit best: ${where}${idle === 0 ? '' : idle === n ? ' (having bought nothing lately: the most common)' : ` (${idle} that bought nothing lately: the most common)`}`, {
        file: scenario.file,
        hint: `the scenario's segments: ${segmentNames}${name === '' ? "; give each client its segment in clients.csv's segment column" : ''}`,
      }),
    );
  }
  for (const [name, n] of unknownProspects) {
    problems.push(
      warning('unknown-reference', `${n} prospect${n === 1 ? '' : 's'} of segment '${name}', which the scenario does not have, ${n === 1 ? 'is' : 'are'} given a segment in each run by the scenario's shares`, {
        file: scenario.file,
        hint: `the scenario's segments: ${segmentNames}; name them in clients.csv's segment column, or add the segment to the scenario`,
      }),
    );
  }
  problems.push(...partialLastMonth(data));
  const unlogged = paths.unlogged();
  if (unlogged.length > 0) {
    const n = unlogged.length;
    problems.push(
      warning('outside-data', `activity.csv logs no hours in ${n === 1 ? formatMonth(unlogged[0]) : `${n} months (${formatMonth(unlogged[0])} to ${formatMonth(unlogged[n - 1])})`}: clients' shares of wallet are held through ${n === 1 ? 'it' : 'them'}, not worn down as by months nobody called`, {
        hint: 'log every month of hours, or start the data after the gap; a share read from months of hours missing is a guess',
      }),
    );
  }
  if (!data.hasCosts) problems.push(warning('csv-missing-column', "the data has no cost or gross_profit column: clients start with their segment's margin from the scenario"));
  problems.push(...guesses(data, scenario, signedBuying));
  const slot = new Map(clients.map((c, k) => [c.id, k]));
  const owed = bookInvoices(data, endDay, slot);
  const book: StartBook = {
    start,
    reps: reps.map((r) => ({ id: r.id, name: r.name, role: roleAtEnd(r, endDay, problems), manager: r.manager, start: r.start, assignments: r.assignments?.map(({ role, from, to }) => ({ role, from, to })), columns: { ...r.columns, ...lastPlans(data, r.id), ...filled(r.columns) }, decimal: r.source?.decimal })),
    clients: [...clients, ...prospects],
    // (a status column that lists no prospect, a customers' export: the scenario's prospects are drawn, QA: none were, and reps stopped prospecting)
    prospectsFromData: prospects.length > 0,
    ...(owed ? { owed } : {}),
  };
  return { book, problems };
}

/**
 * A rep's plans.csv values of the last month that gives them, as reps.csv
 * columns: a simulation goes on with the plans he had (reps.csv's own
 * columns win). QA: a payment plan kept in plans.csv was read by payout and
 * dropped by the simulation, whose plan bonus then paid nothing.
 */
function lastPlans(data: Dataset<Q>, rep: string): Record<string, string> {
  const out: Record<string, string> = {};
  const at: Record<string, number> = {};
  for (const row of data.plans) {
    if (row.rep !== rep) continue;
    for (const column of new Set([...Object.keys(row.values), ...Object.keys(row.written ?? {})])) {
      // (its number as read, in plans.csv's own decimal mark, written with a point: reps.csv's mark may differ, review; a rate's '%' as
      // written, its decimal comma a point)
      const written = row.written?.[column]?.trim();
      const value = row.values[column];
      const text = value !== undefined ? toDecimalString(value) : written?.endsWith('%') ? written.replace(/^([-+]?\d+),(\d+)\s*%$/, '$1.$2%') : undefined;
      if (text === undefined || (at[column] ?? -Infinity) > row.month) continue;
      at[column] = row.month;
      out[column] = text;
    }
  }
  return out;
}

/** reps.csv's columns of a rep, those with a value */
function filled(columns: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v.trim() !== ''));
}

/** the segment of a prospect the data gives none: drawn in each run from the scenario's shares (population.ts) */
export const NO_SEGMENT = -1;

/** a warning for each rep kept whose end_date falls within the run: he stays for all of it (departures are the scenario's) */
function leavingLater(reps: readonly Rep[], end: Month): Problem[] {
  return reps
    .filter((r) => r.end !== undefined)
    .map((r) =>
      warning('outside-data', `rep '${r.id}' leaves on ${formatDay(r.end!)} (his end_date), after the data's last month ${formatMonth(end)}: the simulation keeps him for all its months`, {
        ...(r.source ? { file: r.source.file, line: r.source.line, column: 1 } : {}),
        hint: "a simulation's reps leave as the scenario's departures draw it; leave the end_date blank to silence this, or simulate the months before it (--months)",
      }),
    );
}

/**
 * Where the data cannot tell the simulation what it needs, and its reading
 * changes the months to come: signed clients buying when no client of the
 * data has an activation date (an export without the column reads every
 * client as signed, worth 1 / wallet_signed times its purchases once
 * active), and a scenario bringing inbound leads to data that marks no
 * inbound account (deals from leads booked on clients would count twice).
 */
function guesses(data: Dataset<Q>, scenario: Scenario, signedBuying: readonly Client[]): Problem[] {
  const out: Problem[] = [];
  const first = signedBuying[0];
  if (first && !data.clients.some((c) => c.activated !== undefined)) {
    const n = signedBuying.length;
    const d = scenario.drift;
    out.push(
      warning(
        'csv-missing-column',
        `no client of the data has an activated_date, so ${n} client${n === 1 ? '' : 's'} that bought lately start${n === 1 ? 's' : ''} as signed (client '${first.id}' here${n > 1 ? ` and ${n - 1} more` : ''}): a signed client buys drift.wallet_signed (${pct(d.walletSigned)}) of its potential, so once active, at drift.wallet_start (${pct(d.walletStart)}), each buys ${round(d.walletStart / d.walletSigned)} times what it bought lately`,
        { ...(first.source ? { file: first.source.file, line: first.source.line, column: 1 } : {}), hint: 'give activated_date to the clients already active' },
      ),
    );
  }
  if (scenario.leads && !data.clients.some((c) => c.status === 'inbound')) {
    out.push(
      warning('unknown-reference', `the scenario brings inbound leads (leads.per_month ${scenario.leads.perMonth}), and the data marks no inbound account: deals from leads booked on clients count in their purchases and again as the scenario's leads`, {
        file: scenario.file,
        hint: "book the deals from leads on an account with status 'inbound' (one per rep), or leave leads out of the scenario",
      }),
    );
  }
  return out;
}

function pct(x: number): string {
  return `${round(x * 100)} %`;
}

function round(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/**
 * The role a rep of the data plays in the simulation (what he may work on,
 * and his hires' role): reps.csv's, or with assignments the one he holds on
 * the data's last day; of several held then, the one he took up last (a
 * warning says so), and none held then, his last.
 */
function roleAtEnd(rep: Rep, endDay: Day, problems: Problem[]): string | undefined {
  const rows = rep.assignments;
  if (!rows?.length) return rep.role;
  const held = assignmentsWithin(rep, endDay, endDay);
  const roles = [...new Set(held.map((a) => a.role))];
  if (roles.length > 1) {
    problems.push(
      warning('bad-value', `rep '${rep.id}' holds ${roles.map((r) => `'${r}'`).join(' and ')} at the end of the data: the simulation gives him the activities of '${held[held.length - 1].role}', the plan he took up last; he is paid by all of them`, {
        ...(held[held.length - 1].source ? { file: held[held.length - 1].source!.file, line: held[held.length - 1].source!.line, column: 1 } : {}),
        hint: "organisation.roles say what each role works on; a rep plays one role's activities in the simulation",
      }),
    );
  }
  return (held.length ? held : rows)[(held.length ? held : rows).length - 1].role;
}
