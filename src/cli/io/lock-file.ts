import { transactionFacts } from '../../core/data/facts.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CurrentInputs } from '../../core/locks/apply-locks.js';
import { transactionReach } from '../../core/locks/transaction-reach.js';
import { emptyLockBook, readLockBook, type LockBook } from '../../core/locks/lock-book.js';
import { problem, type Problem } from '../../core/problems/problem.js';
import type { Dataset, Q, Scheme } from '../../core/types.js';
import type { Io } from '../context.js';
import { specialFileProblem } from './files.js';
import { display } from './shown-path.js';
import { nearName } from './near-name.js';

/** where payout keeps the locks of a dataset by default: beside its tables (docs/cli.md#period-locks) */
export const LOCKS_FILE = 'motiv-locks.json';

export function lockFilePath(io: Pick<Io, 'cwd'>, data: string, locks: string | undefined): string {
  return locks !== undefined ? resolve(io.cwd, locks) : join(resolve(io.cwd, data), LOCKS_FILE);
}

/**
 * A --locks file that is not there, when the payout only reads it (no --lock
 * to create it): an error, not a payout as if nothing were locked (QA: a
 * typo in --locks paid every locked month afresh, silently). `given`: the
 * path as written, for the did-you-mean.
 */
export function missingLockFile(path: string, given: string, cwd: string): Problem | undefined {
  if (existsSync(path)) return undefined;
  return problem('file-not-found', `no lock file '${display(path)}'${nearName(given, cwd)}`, {
    file: display(path),
    hint: "--locks reads a lock file 'payout --lock' wrote; give --lock MONTH to start one there, or --no-locks to pay as if nothing were locked",
  });
}

/** the locks at `path` (none when there is no file yet), or the problem that stops reading them; `inDataFolder`: the default file, found in --data (a pipe there is not read, see isSpecialFile) */
export function readLocks(path: string, scheme: Scheme, inDataFolder = false): { book?: LockBook; problems: Problem[] } {
  if (!existsSync(path)) return { book: emptyLockBook(scheme), problems: [] };
  const special = inDataFolder ? specialFileProblem(path, `put the lock file itself in the folder, or give --locks`) : undefined;
  if (special) return { problems: [special] };
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { problems: [problem('file-unreadable', `cannot read the lock file: ${(err as Error).message}`, { file: display(path), hint: 'give --locks the path of a lock file' })] };
  }
  return readLockBook(text, display(path), scheme);
}

/**
 * What this payout is computed on, for a lock to record and a later run to
 * compare: the scheme's text and the data folder's files (every file but the
 * lock file and hidden ones, by name), each as a SHA-256 digest, the
 * transactions' ids and dates with the reps each can pay, and adjustments.csv's rows.
 */
export function currentInputs(schemeText: string, dataDir: string, lockFile: string, data: Dataset<Q>): CurrentInputs {
  const dataHash = createHash('sha256');
  const files = readdirSync(dataDir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && join(dataDir, e.name) !== lockFile)
    .map((e) => e.name)
    .sort();
  for (const name of files) {
    dataHash.update(`${name}\0`);
    dataHash.update(createHash('sha256').update(readFileSync(join(dataDir, name))).digest('hex'));
  }
  return {
    schemeSha256: createHash('sha256').update(schemeText).digest('hex'),
    dataSha256: dataHash.digest('hex'),
    transactions: idsAndDays(data),
    adjustments: data.adjustments ?? [],
  };
}

/** each transaction's id, day and the reps it can pay, read from the columns (no object per transaction beside these) */
function idsAndDays(data: Dataset<Q>): CurrentInputs['transactions'] {
  const txs = transactionFacts(data);
  const reach = transactionReach(data);
  const out: { id: string; day: number; reps: readonly string[] }[] = [];
  for (let i = 0; i < txs.length; i++) out.push({ id: txs.id(i), day: txs.day(i), reps: reach(txs.client(i), txs.rep(i)) });
  return out;
}
