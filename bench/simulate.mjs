#!/usr/bin/env node
// npm run bench: throughput of the simulation on a case-4-sized workload
// (8 reps x 200 firms, 24 months: scenarios/radio.yaml under schemes/radio-territory.yaml).
// A benchmark, not a test: it reports figures and never fails on them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { playRuns, playRunsOfEach } from '../dist/cli/sim/pool.js';
import { simulatorFor } from '../dist/cli/sim/job.js';
import { loadScenario } from '../dist/core/scenario/load.js';
import { nameOf, runKey } from '../dist/core/random/counter.js';
import { ENTITY } from '../dist/core/random/entities.js';
import { Names } from '../dist/core/random/names.js';
import { STREAM } from '../dist/core/random/streams.js';
import { loadScheme } from '../dist/core/scheme/load.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 10_000);
const workers = arg('workers', availableParallelism());
const load = (loader, file, key) => {
  const loaded = loader(file, readFileSync(`${root}${file}`, 'utf8'));
  if (!loaded[key]) throw new Error(`${file}: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return loaded[key];
};
const job = {
  schemes: [{ scheme: load(loadScheme, 'schemes/radio-territory.yaml', 'scheme'), from: 0 }],
  scenario: load(loadScenario, 'scenarios/radio.yaml', 'scenario'),
  months: 24,
  seed: 1,
  detail: false,
};
const reps = 8;
const firms = 200;
const clientMonthsPerRun = reps * firms * job.months;

// 1. one thread: client-months per second (after a warm-up)
const sim = simulatorFor(job);
for (let i = 0; i < 20; i++) sim.run(i);
const probe = Math.max(50, Math.min(400, Math.round(runs / 25)));
let best = Infinity;
for (let round = 0; round < 3; round++) {
  const t0 = performance.now();
  for (let i = 0; i < probe; i++) sim.run(1000 + i);
  best = Math.min(best, (performance.now() - t0) / probe);
}
const perThread = (clientMonthsPerRun / best) * 1000;
console.log(`one thread: ${best.toFixed(2)} ms per run, ${(perThread / 1e6).toFixed(2)} M client-months/s (${reps} reps x ${firms} firms x ${job.months} months per run)`);

// 1b. the least a run could cost: a loop that only draws the random numbers a client-month needs (its move,
// its revenue noise, its owner's choice noise, its invoice's payment and day) from the same counter-based
// generator and updates a typed array, over the same client-months; the simulation's throughput against it
const names = new Names(reps * firms);
const state = new Float64Array(reps * firms);
const draws = [STREAM.transition, STREAM.revenue, STREAM.noise, STREAM.payment, STREAM.paymentDay];
const minimalRun = (run) => {
  const key = runKey(1, run);
  for (let i = 0; i < reps * firms; i++) names.set(i, nameOf(key, ENTITY.bookFirm, i % reps, Math.floor(i / reps)));
  for (let t = 0; t < job.months; t++) for (let i = 0; i < reps * firms; i++) for (const d of draws) state[i] += names.uniform(i, d, t);
};
for (let i = 0; i < 20; i++) minimalRun(i);
let bestMinimal = Infinity;
for (let round = 0; round < 3; round++) {
  const t0 = performance.now();
  for (let i = 0; i < probe; i++) minimalRun(1000 + i);
  bestMinimal = Math.min(bestMinimal, (performance.now() - t0) / probe);
}
const minimal = (clientMonthsPerRun / bestMinimal) * 1000;
console.log(
  `minimal loop (${draws.length} draws and a typed-array update per client-month): ${(minimal / 1e6).toFixed(2)} M client-months/s; the simulation runs at ${((perThread / minimal) * 100).toFixed(1)} % of it (target: at least 30 %)`,
);

// 2. the whole workload on the worker pool, as motiv simulate runs it
const t0 = performance.now();
await playRuns(job, runs, workers);
const seconds = (performance.now() - t0) / 1000;
console.log(`${runs} runs on ${workers} workers: ${seconds.toFixed(1)} s, ${((runs * clientMonthsPerRun) / seconds / 1e6).toFixed(2)} M client-months/s (target: 10,000 runs under 30 s on 2 cores)`);

// 3. 2 workers against 1 on the same runs (target at 1,000 runs: at least 1.85x)
const scaling = Math.min(runs, 1000);
if (workers >= 2) {
  const time = async (w) => {
    const t = performance.now();
    await playRuns(job, scaling, w);
    return (performance.now() - t) / 1000;
  };
  const one = await time(1);
  const two = await time(2);
  console.log(`${scaling} runs: 1 worker ${one.toFixed(1)} s, 2 workers ${two.toFixed(1)} s: ${(one / two).toFixed(2)}x (target at 1,000 runs: at least 1.85x)`);
}

// 4. compare's overhead: two schemes played in one pool against two simulates one after the other (target: at most 1.2x)
{
  const other = { ...job, schemes: [{ scheme: load(loadScheme, 'schemes/radio-pool.yaml', 'scheme'), from: 0 }] };
  const n = Math.min(runs, 400);
  let t = performance.now();
  await playRuns(job, n, workers);
  await playRuns(other, n, workers);
  const apart = (performance.now() - t) / 1000;
  t = performance.now();
  await playRunsOfEach([job, other], n, workers);
  const together = (performance.now() - t) / 1000;
  console.log(`compare of 2 schemes, ${n} runs: ${together.toFixed(1)} s in one pool against ${apart.toFixed(1)} s for two simulates: ${(together / apart).toFixed(2)}x of N simulates (target: at most 1.2x)`);
}

// 5. start-up: the command for one run, from a fresh process to its last byte (median of 5; target under 0.5 s)
const startups = [];
for (let k = 0; k < 5; k++) {
  const t0 = performance.now();
  execFileSync(process.execPath, [`${root}bin/motiv.js`, 'simulate', 'schemes/radio-territory.yaml', '--runs', '1', '--quiet'], { cwd: root, stdio: 'ignore' });
  startups.push((performance.now() - t0) / 1000);
}
startups.sort((a, b) => a - b);
console.log(`start-up: simulate --runs 1 takes ${startups[2].toFixed(2)} s wall (median of 5, one 24-month run included)`);
