#!/usr/bin/env node
// node bench/messy-data.mjs [--rows 100000] [--clients 20000] [--keep DIR]
// Writes a messy CRM-like dataset (unknown and misspelt client and rep ids,
// ids of another shape, a 1 MB cell) and times `motiv validate` on it.
// A benchmark, not a test: it reports figures and never fails on them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const rows = Number(arg('rows', 100_000));
const clientCount = Number(arg('clients', 20_000));
const keep = arg('keep', undefined);
const dir = keep ?? mkdtempSync(join(tmpdir(), 'motiv-messy-'));
mkdirSync(dir, { recursive: true });

// a fixed linear congruential sequence: the same dataset on every run
let state = 20260311;
const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (n) => Math.floor(next() * n);

const reps = Array.from({ length: 25 }, (_, i) => `rep${String(i + 1).padStart(2, '0')}`);
const clientId = (i) => `C${String(i + 1).padStart(6, '0')}`;
const misspelt = (id) => (pick(2) === 0 ? id.slice(0, -1) : `${id}x`);

writeFileSync(join(dir, 'reps.csv'), `id,name\n${reps.map((r) => `${r},${r.toUpperCase()}`).join('\n')}\n`);
const clients = ['id,name,owner'];
for (let i = 0; i < clientCount; i++) {
  const owner = reps[pick(reps.length)];
  // one client in ten is owned by a misspelt rep
  clients.push(`${clientId(i)},Client ${i + 1},${i % 10 === 0 ? misspelt(owner) : owner}`);
}
writeFileSync(join(dir, 'clients.csv'), clients.join('\n') + '\n');
const tx = ['id,date,client_id,rep_id,revenue,cost'];
for (let i = 0; i < rows; i++) {
  const c = clientId(pick(clientCount));
  const r = pick(100);
  // 5 % misspelt client ids, 5 % ids of another shape (an export with a prefix), 2 % misspelt rep ids
  const client = r < 5 ? misspelt(c) : r < 10 ? `CL-${c.slice(1)}` : c;
  const rep = r >= 10 && r < 12 ? misspelt(reps[pick(reps.length)]) : reps[pick(reps.length)];
  const month = String(1 + pick(12)).padStart(2, '0');
  const day = String(1 + pick(28)).padStart(2, '0');
  tx.push(`T${i + 1},2025-${month}-${day},${client},${i === 7 ? 'x'.repeat(1_000_000) : rep},${(pick(1_000_000) / 100).toFixed(2)},${(pick(500_000) / 100).toFixed(2)}`);
}
writeFileSync(join(dir, 'transactions.csv'), tx.join('\n') + '\n');

const t0 = performance.now();
const r = spawnSync(process.execPath, [join(root, 'bin/motiv.js'), 'validate', dir], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 600_000 });
const seconds = (performance.now() - t0) / 1000;
const lines = (r.stdout ?? '').trimEnd().split('\n');
console.log(`${rows} transactions, ${clientCount} clients: validate exit ${r.status ?? r.signal} in ${seconds.toFixed(1)} s, ${lines.length - 1} lines of problems`);
console.log(lines.slice(0, 3).map((l) => l.slice(0, 200)).join('\n'));
console.log(lines.at(-1));
if (!keep) rmSync(dir, { recursive: true, force: true });
