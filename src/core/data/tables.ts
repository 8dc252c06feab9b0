/**
 * The dataset layout: one CSV file per table. A CRM export becomes a dataset
 * by renaming columns to these (or to one of their aliases). Columns not
 * listed are kept, so plans can read them.
 */
export type TableName = 'reps' | 'clients' | 'transactions' | 'activity' | 'plans' | 'credits' | 'assignments' | 'adjustments';

export type ColumnType = 'id' | 'text' | 'date' | 'month' | 'money' | 'number' | 'integer' | 'share';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required?: boolean;
  aliases?: readonly string[];
  description: string;
}

export interface TableSpec {
  name: TableName;
  file: string;
  required: boolean;
  description: string;
  columns: readonly ColumnSpec[];
  /** at least one of these columns must be present (activity: hours or contacts) */
  oneOf?: readonly string[];
}

export const TABLES: readonly TableSpec[] = [
  {
    name: 'reps',
    file: 'reps.csv',
    required: true,
    description: 'One row per sales rep.',
    columns: [
      { name: 'id', type: 'id', required: true, aliases: ['rep_id', 'rep'], description: 'Unique rep id.' },
      { name: 'name', type: 'text', aliases: ['rep_name', 'full_name'], description: 'Display name.' },
      { name: 'role', type: 'text', description: "Role, matched against components' `roles` (e.g. hunter, farmer)." },
      { name: 'manager', type: 'id', aliases: ['manager_id', 'reports_to'], description: 'Id of his manager (for overrides).' },
      { name: 'start_date', type: 'date', aliases: ['start', 'hired', 'hire_date'], description: 'First day employed (blank: before the data).' },
      { name: 'end_date', type: 'date', aliases: ['end', 'left', 'leave_date'], description: 'Last day employed (blank: still employed).' },
    ],
  },
  {
    name: 'clients',
    file: 'clients.csv',
    required: true,
    description: 'One row per client (or firm in a base), with the dates it changed state.',
    columns: [
      { name: 'id', type: 'id', required: true, aliases: ['client_id', 'client'], description: 'Unique client id.' },
      { name: 'name', type: 'text', aliases: ['client_name', 'company'], description: 'Display name.' },
      { name: 'segment', type: 'text', description: 'Segment (e.g. vip, key, medium, marginal).' },
      { name: 'owner', type: 'id', aliases: ['owner_id', 'rep_id', 'account_owner'], description: 'Rep who owns the client now.' },
      { name: 'finder', type: 'id', aliases: ['finder_id', 'found_by'], description: 'Rep who found the client (credit splits).' },
      { name: 'closer', type: 'id', aliases: ['closer_id', 'closed_by'], description: 'Rep who signed the client (credit splits).' },
      { name: 'signed_date', type: 'date', aliases: ['signed', 'contract_date'], description: 'Day the contract was signed.' },
      { name: 'activated_date', type: 'date', aliases: ['activated', 'first_order_date'], description: 'Day it became an active client.' },
      { name: 'lost_date', type: 'date', aliases: ['lost', 'churned', 'churn_date'], description: 'Day it was lost.' },
      { name: 'status', type: 'text', description: 'State at the end of the data: prospect, signed, active, lost, or inbound (an account of deals from inbound leads); it holds for the whole data when no signing or activation date says otherwise.' },
    ],
  },
  {
    name: 'transactions',
    file: 'transactions.csv',
    required: true,
    description: 'One row per order, shipment or invoice.',
    columns: [
      { name: 'id', type: 'id', aliases: ['transaction_id', 'invoice', 'order_id'], description: 'Unique id (default: the line number).' },
      { name: 'date', type: 'date', required: true, aliases: ['day', 'invoice_date', 'order_date'], description: 'Day of the sale.' },
      { name: 'client_id', type: 'id', required: true, aliases: ['client'], description: 'The client.' },
      { name: 'rep_id', type: 'id', aliases: ['rep', 'seller'], description: "Rep who made the sale (default: the client's owner)." },
      { name: 'revenue', type: 'money', required: true, aliases: ['amount', 'shipments', 'sales'], description: 'Revenue; negative for refunds.' },
      { name: 'cost', type: 'money', aliases: ['cogs'], description: 'Cost of the sale.' },
      { name: 'gross_profit', type: 'money', aliases: ['profit', 'margin'], description: 'Gross profit (default: revenue - cost).' },
      { name: 'due_date', type: 'date', aliases: ['due'], description: 'Day payment is due.' },
      { name: 'paid_date', type: 'date', aliases: ['paid', 'payment_date'], description: 'Day the client paid (blank: unpaid).' },
      { name: 'status', type: 'text', aliases: ['deal_status', 'transaction_status'], description: "won, closed, draft, pending, cancelled, ...: the scheme's transactions.count_statuses says which count (default: all but draft, pending, cancelled, lost, closed lost, void, rejected and declined; blank always counts)." },
    ],
  },
  {
    name: 'activity',
    file: 'activity.csv',
    required: false,
    description: 'Hours and contacts per rep, client and month.',
    oneOf: ['hours', 'contacts'],
    columns: [
      { name: 'month', type: 'month', required: true, aliases: ['period'], description: 'YYYY-MM.' },
      { name: 'rep_id', type: 'id', required: true, aliases: ['rep'], description: 'The rep.' },
      { name: 'client_id', type: 'id', aliases: ['client'], description: 'The client worked on (blank: prospecting or leads in general).' },
      { name: 'activity', type: 'text', aliases: ['category'], description: 'prospect, signed, active, leads, ... (default: from the client state).' },
      { name: 'hours', type: 'number', description: 'Hours spent (0 or more).' },
      { name: 'contacts', type: 'integer', aliases: ['calls', 'meetings'], description: 'Number of contacts (0 or more).' },
    ],
  },
  {
    name: 'plans',
    file: 'plans.csv',
    required: false,
    description: 'Plan values per rep and month; every other column is a plan column.',
    columns: [
      { name: 'rep_id', type: 'id', required: true, aliases: ['rep'], description: 'The rep.' },
      { name: 'month', type: 'month', required: true, aliases: ['period'], description: 'YYYY-MM.' },
    ],
  },
  {
    name: 'credits',
    file: 'credits.csv',
    required: false,
    description: 'Who shares the credit for a client: roles for the credit rules, or explicit shares.',
    columns: [
      { name: 'client_id', type: 'id', required: true, aliases: ['client'], description: 'The client.' },
      { name: 'rep_id', type: 'id', required: true, aliases: ['rep'], description: 'A rep credited.' },
      { name: 'role', type: 'text', description: 'finder, closer, pair, ... (matched by the scheme credit rules).' },
      { name: 'share', type: 'share', description: 'Explicit share: 0.5, 50% or a fraction such as 1/3; shares of a client in force on a day add up to 100 % (33.33% three times is read as thirds).' },
      { name: 'from', type: 'date', aliases: ['from_date', 'effective_from', 'valid_from'], description: "First day the row holds (blank: always before its to); a dated row wins over clients.csv's column on its days." },
      { name: 'to', type: 'date', aliases: ['to_date', 'effective_to', 'valid_to'], description: 'Last day the row holds (blank: always after its from).' },
    ],
  },
  {
    name: 'assignments',
    file: 'assignments.csv',
    required: false,
    description: "The roles each rep holds and when: his plans. Rows may overlap (two plans at once); a rep with rows here is paid by them, not by reps.csv's role.",
    columns: [
      { name: 'rep_id', type: 'id', required: true, aliases: ['rep'], description: 'The rep.' },
      { name: 'role', type: 'text', required: true, aliases: ['plan'], description: "The role he holds, matched against components' `roles`." },
      { name: 'from', type: 'date', aliases: ['from_date', 'effective_from', 'valid_from'], description: 'First day he holds it (blank: from his start).' },
      { name: 'to', type: 'date', aliases: ['to_date', 'effective_to', 'valid_to'], description: 'Last day he holds it (blank: to his end).' },
    ],
  },
  {
    name: 'adjustments',
    file: 'adjustments.csv',
    required: false,
    description: "One-off amounts on a rep's pay in the month of their date: a bonus, a correction, a deduction.",
    columns: [
      { name: 'rep_id', type: 'id', required: true, aliases: ['rep'], description: 'The rep.' },
      { name: 'date', type: 'date', required: true, aliases: ['day'], description: 'A day of the month it is paid in.' },
      { name: 'amount', type: 'money', required: true, description: 'Signed, as paid: a bonus is 0 or more, a deduction 0 or less, a correction either.' },
      { name: 'kind', type: 'text', required: true, aliases: ['type'], description: 'bonus, correction or deduction.' },
      { name: 'note', type: 'text', aliases: ['reason', 'comment', 'description'], description: 'Why: shown as the line\'s rule.' },
      { name: 'variable', type: 'text', description: 'yes or no: counted in variable pay (default: yes for a bonus or correction, no for a deduction).' },
    ],
  },
];

export function tableSpec(name: TableName): TableSpec {
  return TABLES.find((t) => t.name === name)!;
}

/** a header cell as the layout names columns: "Client ID" -> "client_id" */
export function normaliseHeader(cell: string): string {
  return cell.trim().toLowerCase().replace(/\s+/g, '_');
}

/** the layout column a header cell names, by its name or an alias */
export function columnNamed(spec: TableSpec, header: string): ColumnSpec | undefined {
  const h = normaliseHeader(header);
  return spec.columns.find((c) => c.name === h || c.aliases?.includes(h));
}

/** each layout column a header names to the index of its cell: the first cell naming it */
export function columnIndex(spec: TableSpec, header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const col = columnNamed(spec, h);
    if (col && !index.has(col.name)) index.set(col.name, i);
  });
  return index;
}

/** all required columns (and one of `oneOf`) are there */
export function hasRequiredColumns(spec: TableSpec, header: readonly string[]): boolean {
  const names = new Set(header.map((h) => columnNamed(spec, h)?.name).filter((n) => n !== undefined));
  return spec.columns.every((c) => !c.required || names.has(c.name)) && (!spec.oneOf || spec.oneOf.some((c) => names.has(c)));
}

/**
 * The header of a table given with no rows (`clients: []` in a test case):
 * the columns it needs, and the first of `oneOf`, so that it reads as a file
 * holding its header alone.
 */
export function neededColumns(spec: TableSpec): string[] {
  const required = spec.columns.filter((c) => c.required).map((c) => c.name);
  return spec.oneOf ? [...required, spec.oneOf[0]] : required;
}

/**
 * Which table a CSV is: by its file name (transactions.csv, or
 * transactions-2026.csv), else by its header: the table that knows most of
 * its columns, one with all its required columns first. A header that matches
 * a table only partly still names it when two or more columns match, so the
 * missing column can be reported instead of "unknown file".
 */
export function guessTable(fileName: string, header: readonly string[]): TableName | undefined {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(csv|tsv|txt)$/i, '').toLowerCase();
  const byName = TABLES.find((t) => base === t.name || (base.startsWith(t.name) && /^[-_. ]/.test(base.slice(t.name.length))));
  if (byName) return byName.name;
  let best: { name: TableName; known: number; complete: boolean } | undefined;
  for (const t of TABLES) {
    const known = header.filter((h) => columnNamed(t, h) !== undefined).length;
    const complete = hasRequiredColumns(t, header);
    if (!best || known > best.known || (known === best.known && complete && !best.complete)) best = { name: t.name, known, complete };
  }
  if (!best || best.known === 0) return undefined;
  return best.complete || best.known >= 2 ? best.name : undefined;
}
