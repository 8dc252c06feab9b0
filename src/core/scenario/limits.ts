import { problem, type Path, type Problem } from '../problems/problem.js';
import type { Scenario } from './types.js';

/**
 * How large a simulation motiv plays, in one place. The memory budget keeps
 * one simulated world (each worker holds one) within what a machine holds;
 * the other limits keep a run's loops and one-byte fields within range (the
 * random draws need only indices below 2^32, far above any of these). `validate` checks a scenario against them with its
 * own `reps.count` and `months`; simulate, compare and generate check again
 * with --months and the reps and clients of --data. docs/scenarios.md lists
 * them. Any simulation that passes satisfies every bound below.
 */
export const SCENARIO_LIMITS = {
  /** reps in a simulation: `reps.count`, or the reps of --data */
  reps: 10_000,
  /** simulated months: `months` and --months */
  months: 240,
  /** inbound leads per month, all reps together (`leads.per_month`, a Poisson mean) */
  leadsPerMonth: 10_000,
  /** client segments (`segments`): a client's segment is one byte */
  segments: 255,
  /** client slots of one simulated world: everyone who is or may become a client in a run (the book, arrivals, the pool, --data) */
  clientSlots: 1_000_000,
} as const;

/**
 * What one client slot of a simulated world costs in memory, measured on
 * the bundled schemes: about 1.1 KB for a prospect never worked (typed
 * arrays, the ledger's window, its id) and 1.7 KB for a client bought from
 * every month; rounded up.
 */
export const BYTES_PER_CLIENT_SLOT = 2_000;

/** the memory one simulated world may need: SCENARIO_LIMITS.clientSlots at BYTES_PER_CLIENT_SLOT */
export const WORLD_BYTES = SCENARIO_LIMITS.clientSlots * BYTES_PER_CLIENT_SLOT;

/**
 * What simulate --detail may keep of each rep's months: a number per run,
 * rep slot, month and series, which the main thread holds until it has
 * summarised them over the runs (percentiles need every run).
 */
export const REP_MONTHS_BYTES = 2e9;

/** what a simulation is sized by besides the scenario */
export interface SimulationSize {
  reps: number;
  months: number;
  /** clients read from --data, which start in the book */
  dataClients?: number;
  /** where the reps and clients come from when --data gives them (named in messages) */
  data?: string;
}

/**
 * Client slots of one world, as the simulator allocates them: each rep's
 * starting book and every prospect that may arrive, the pool, the clients of
 * --data, and a few spare.
 */
export function clientSlots(scenario: Pick<Scenario, 'book' | 'market'>, size: SimulationSize): number {
  const b = scenario.book;
  return size.reps * (b.prospects + b.signed + b.active + Math.ceil(scenario.market.newProspects) * size.months) + 16 + scenario.market.pool + (size.dataClients ?? 0);
}

/** how many worlds of this size one worker's memory budget (WORLD_BYTES) holds, at least one: compare plays that many schemes at once */
export function worldsPerWorker(scenario: Pick<Scenario, 'book' | 'market'>, size: SimulationSize): number {
  return Math.max(1, Math.floor(WORLD_BYTES / (clientSlots(scenario, size) * BYTES_PER_CLIENT_SLOT)));
}

/** "2.4 GB", "16 TB" */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e12) return `${Math.round(bytes / 1e12).toLocaleString('en-US')} TB`;
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.ceil(bytes / 1e6)} MB`;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Problems with the size of a simulation of this scenario, placed by path in
 * the scenario file: more reps or months than the simulator takes, or a
 * world that would need more memory than one worker may use.
 */
export function simulationSizeProblems(scenario: Pick<Scenario, 'book' | 'market'>, size: SimulationSize): Problem[] {
  const out: Problem[] = [];
  const L = SCENARIO_LIMITS;
  const from = size.data ? ` (the reps of ${size.data})` : '';
  if (size.reps > L.reps) {
    out.push(problem('bad-value', `${count(size.reps)} reps${from} are more than a simulation takes (${count(L.reps)})`, { path: ['reps', 'count'], hint: 'simulate a part of the team' }));
  }
  if (size.months > L.months) {
    out.push(problem('bad-value', `${count(size.months)} months are more than a simulation plays (${count(L.months)})`, { path: ['months'], hint: `simulate ${L.months} months or fewer` }));
  }
  if (out.length) return out;
  const b = scenario.book;
  const slots = clientSlots(scenario, size);
  if (slots > L.clientSlots) {
    const inflow = Math.ceil(scenario.market.newProspects);
    const parts: Record<string, number> = {
      'book.prospects': size.reps * b.prospects,
      'book.signed': size.reps * b.signed,
      'book.active': size.reps * b.active,
      'market.new_prospects': size.reps * inflow * size.months,
      'market.pool': scenario.market.pool,
      data: size.dataClients ?? 0,
    };
    const largest = biggest(parts);
    const made = [
      `${count(size.reps)} reps${from} × (${count(b.prospects)} prospects + ${count(b.signed)} signed + ${count(b.active)} active${inflow ? ` + ${count(inflow)} new prospects × ${count(size.months)} months` : ''})`,
      scenario.market.pool ? `${count(scenario.market.pool)} in the pool` : '',
      size.dataClients ? `${count(size.dataClients)} clients of ${size.data ?? 'the data'}` : '',
    ].filter(Boolean);
    out.push(
      problem(
        'bad-value',
        `a simulated world of this scenario holds ${count(slots)} prospects and clients (${made.join(' + ')}) and would need about ${formatBytes(slots * BYTES_PER_CLIENT_SLOT)} of memory in each worker; a simulation holds at most ${count(L.clientSlots)} (about ${formatBytes(WORLD_BYTES)})`,
        {
          path: largest === 'data' ? ['book'] : (largest.split('.') as Path),
          hint:
            largest === 'data'
              ? `simulate a part of ${size.data ?? 'the data'}: its clients are the largest part`
              : `lower ${largest} (the largest part)${largest === 'market.new_prospects' ? ', or simulate fewer months' : ''}, or simulate fewer reps`,
        },
      ),
    );
  }
  return out;
}

/** simulate --detail's months of each rep over the runs, when they would need more memory than REP_MONTHS_BYTES */
export function repMonthsProblem(size: { runs: number; reps: number; months: number; series: number }): Problem | undefined {
  const perRun = size.reps * size.months * size.series * 8;
  if (size.runs * perRun <= REP_MONTHS_BYTES) return undefined;
  const most = Math.max(1, Math.floor(REP_MONTHS_BYTES / perRun));
  return problem(
    'bad-value',
    `--detail keeps each rep's months of every run: ${count(size.runs)} runs × ${count(size.reps)} reps × ${count(size.months)} months × ${size.series} series would need about ${formatBytes(size.runs * perRun)} of memory; a simulation keeps at most ${formatBytes(REP_MONTHS_BYTES)}`,
    { hint: `play at most ${count(most)} runs with --detail here, or fewer --months` },
  );
}

/** the key of the largest value */
function biggest(parts: Record<string, number>): string {
  return Object.entries(parts).reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}
