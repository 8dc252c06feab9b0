/**
 * User mistakes are data: a typed record with a code from a closed list, a
 * location, and a message that says what is allowed and what to try. Only the
 * CLI turns problems into text and exit codes.
 */
export type Severity = 'error' | 'warning';

export type ProblemCode =
  // reading
  | 'file-not-found'
  | 'file-unreadable'
  | 'bad-encoding'
  | 'unknown-file-kind'
  | 'wrong-file-kind'
  // writing
  | 'file-unwritable'
  | 'file-exists'
  // YAML
  | 'yaml-syntax'
  | 'duplicate-key'
  | 'alias-limit'
  | 'forbidden-key'
  | 'multiple-documents'
  // shape (JSON Schema)
  | 'unknown-key'
  | 'missing-key'
  | 'wrong-type'
  | 'bad-value'
  | 'unknown-component-type'
  // meaning (semantic rules)
  | 'unknown-reference'
  | 'duplicate-id'
  | 'tier-order'
  | 'tier-overlap'
  | 'tier-gap'
  | 'circular-reference'
  | 'rate-range'
  | 'negative-cap'
  | 'share-sum'
  | 'wrong-measure-kind'
  | 'filter-not-applicable'
  | 'date-order'
  | 'formula'
  | 'seasonality'
  | 'conflict'
  // data (CSV)
  | 'csv-syntax'
  | 'csv-ragged-row'
  | 'csv-missing-column'
  | 'csv-unknown-column'
  | 'csv-duplicate-column'
  | 'not-a-number'
  | 'ambiguous-number'
  | 'not-a-date'
  | 'negative-value'
  | 'bad-cell'
  | 'unknown-id'
  | 'outside-employment'
  | 'outside-data'
  | 'duplicate-row-id'
  | 'inconsistent-dates'
  | 'empty-table'
  | 'month-without-sales'
  | 'currency-mismatch'
  // CRM export maps (--map)
  | 'unknown-label'
  | 'skipped-reference'
  // simulation
  | 'unpriced'
  | 'never-paid'
  | 'pays-little'
  | 'scenario-unfitted'
  // parts of a sharded simulation (merge)
  | 'not-a-part'
  | 'part-version'
  | 'part-mismatch'
  | 'shard-duplicate'
  | 'shard-missing'
  // period locks (payout --lock)
  | 'lock-invalid'
  | 'lock-mismatch'
  | 'lock-unplaced'
  // tests
  | 'test-failed';

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  message: string;
  /** what to try; printed after the message */
  hint?: string;
  file?: string;
  /** 1-based */
  line?: number;
  /** 1-based */
  column?: number;
  /** where in the document, e.g. ['components', 2, 'rate'] */
  path?: (string | number)[];
  /**
   * 0-based character within the value at `path` (where a formula goes
   * wrong); used to place the column, then dropped
   */
  valueIndex?: number;
  /** place the problem at the key of `path` rather than at its value; dropped once placed */
  onKey?: boolean;
}

export type Path = (string | number)[];

/** whether a path is at or under a place */
export function within(path: Path, place: Path): boolean {
  return place.length <= path.length && place.every((seg, i) => String(seg) === String(path[i]));
}

/** whether two paths name the same place */
export const samePath = (a: Path, b: Path): boolean => a.length === b.length && within(a, b);

/** Problems found before positions are known carry a path; `locate` fills in line and column. */
export function problem(
  code: ProblemCode,
  message: string,
  extra: Partial<Omit<Problem, 'code' | 'message'>> = {},
): Problem {
  return { code, severity: 'error', message, ...extra };
}

export function warning(code: ProblemCode, message: string, extra: Partial<Omit<Problem, 'code' | 'message'>> = {}): Problem {
  return { code, severity: 'warning', message, ...extra };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Result of a stage: a value, or the problems that prevented one (warnings may come with a value). */
export type Result<T> = { ok: true; value: T; problems: Problem[] } | { ok: false; problems: Problem[] };

export function ok<T>(value: T, problems: Problem[] = []): Result<T> {
  return { ok: true, value, problems };
}

export function failed<T>(problems: Problem[]): Result<T> {
  return { ok: false, problems };
}
