#!/usr/bin/env node
// npm run bench: reading and paying a large history. A history of about --transactions
// transactions (default 1,000,000) is generated at bench time (`motiv generate` on
// scenarios/radio.yaml with more reps, seed 3; not committed), then `motiv validate` and
// `motiv payout schemes/radio-territory.yaml --format json` are timed on it, each in its own
// process: wall time, CPU time (user + system), rows read per second, peak memory (resident
// set), with the machine's load before each. `--data DIR` times an existing history instead.
// A benchmark, not a test: it reports figures and never fails on them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

// the child: run the CLI as bin/motiv.js runs it (played again with the heap and the
// give-back a large history gets, heap-room.ts), then say the CPU time and peak memory of
// the process that ran it on stderr's last line
const CHILD = 'MOTIV_BENCH_CHILD';
if (process.env[CHILD] === '1') {
  const { relaunchWithRoom } = await import('../dist/cli/heap-room.js');
  const args = process.argv.slice(2);
  const relaunched = await relaunchWithRoom(fileURLToPath(import.meta.url), args, process.env, process.execArgv, process.cwd());
  if (relaunched !== undefined) process.exit(relaunched);
  const { main } = await import('../dist/cli/main.js');
  const code = await main(args);
  const usage = process.resourceUsage();
  process.stderr.write(`\ncpu ${(usage.userCPUTime + usage.systemCPUTime) / 1e6} maxrss ${usage.maxRSS}\n`);
  process.exit(code);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const target = arg('transactions', 1_000_000);
// radio's 8 reps write about 1,380 transactions each over 24 months (400 reps: 551,366)
const reps = Math.max(8, Math.round((400 * target) / 551_366));
const given = process.argv.indexOf('--data') > 0 ? process.argv[process.argv.indexOf('--data') + 1] : undefined;
const dir = given === undefined ? mkdtempSync(join(tmpdir(), 'motiv-bench-payout-')) : undefined;

const cli = (args) => {
  const load = loadavg()[0];
  const t0 = performance.now();
  const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, [CHILD]: '1' } });
  const wall = (performance.now() - t0) / 1000;
  const rss = /cpu ([\d.]+) maxrss (\d+)\s*$/.exec(out.stderr);
  if (out.status !== 0 && out.status !== 2) throw new Error(`motiv ${args.join(' ')} exited ${out.status}: ${out.stderr.slice(-2000)}`);
  return { wall, cpu: rss ? Number(rss[1]) : NaN, peakMb: rss ? Number(rss[2]) / 1024 : NaN, load, stdout: out.stdout };
};

try {
  let history = given;
  let gen;
  if (dir !== undefined) {
    const scenario = parseDocument(readFileSync(join(root, 'scenarios/radio.yaml'), 'utf8'));
    scenario.setIn(['reps', 'count'], reps);
    const scenarioFile = join(dir, 'radio-large.yaml');
    writeFileSync(scenarioFile, scenario.toString());
    history = join(dir, 'history');
    gen = cli(['generate', '--scenario', scenarioFile, '--scheme', 'schemes/radio-territory.yaml', '--out', history, '--seed', '3', '--quiet']);
  }
  const lines = (file) => {
    const text = readFileSync(join(history, file), 'utf8');
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    return n - 1;
  };
  const rows = { transactions: lines('transactions.csv'), activity: lines('activity.csv'), clients: lines('clients.csv'), reps: lines('reps.csv') };
  const all = rows.transactions + rows.activity + rows.clients + rows.reps;
  console.log(
    `history: ${rows.reps.toLocaleString('en-US')} reps, ${rows.clients.toLocaleString('en-US')} clients, ${rows.transactions.toLocaleString('en-US')} transactions, ` +
      `${rows.activity.toLocaleString('en-US')} activity rows` + (gen ? ` (generated in ${gen.wall.toFixed(1)} s, peak ${gen.peakMb.toFixed(0)} MB)` : ` (${history})`),
  );
  for (const [name, args] of [
    ['validate', ['validate', history]],
    ['payout', ['payout', 'schemes/radio-territory.yaml', '--data', history, '--format', 'json']],
  ]) {
    const r = cli(args);
    console.log(
      `${name}: ${r.wall.toFixed(1)} s wall, ${r.cpu.toFixed(1)} s CPU, ${Math.round(all / r.wall).toLocaleString('en-US')} rows/s, ${Math.round(rows.transactions / r.wall).toLocaleString('en-US')} transactions/s, peak ${r.peakMb.toFixed(0)} MB (load ${r.load.toFixed(2)} before)`,
    );
  }
} finally {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}
