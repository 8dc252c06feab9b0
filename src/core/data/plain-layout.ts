/**
 * Where a plain row's cells are: the column of each field (-1 for an
 * optional one the file lacks), or undefined when the file lacks a column
 * every plain row needs, or has one only the general reading takes. The row
 * readers (`plain-rows.ts`) and the span readers (`plain-spans.ts`) read the
 * same layout.
 */

/** the cell's index, or -1 when the layout lacks the column */
function at(index: ReadonlyMap<string, number>, col: string): number {
  return index.get(col) ?? -1;
}

export interface TransactionLayout {
  id: number;
  date: number;
  client: number;
  rep: number;
  revenue: number;
  cost: number;
  gp: number;
  due: number;
  paid: number;
  status: number;
}

export function transactionLayout(index: ReadonlyMap<string, number>): TransactionLayout | undefined {
  const l: TransactionLayout = {
    id: at(index, 'id'),
    date: at(index, 'date'),
    client: at(index, 'client_id'),
    rep: at(index, 'rep_id'),
    revenue: at(index, 'revenue'),
    cost: at(index, 'cost'),
    gp: at(index, 'gross_profit'),
    due: at(index, 'due_date'),
    paid: at(index, 'paid_date'),
    status: at(index, 'status'),
  };
  return l.id < 0 || l.date < 0 || l.client < 0 || l.revenue < 0 || l.cost < 0 || l.gp < 0 ? undefined : l;
}

export interface ActivityLayout {
  month: number;
  rep: number;
  client: number;
  activity: number;
  hours: number;
}

/** (a file with contacts is read the general way) */
export function activityLayout(index: ReadonlyMap<string, number>): ActivityLayout | undefined {
  const l: ActivityLayout = { month: at(index, 'month'), rep: at(index, 'rep_id'), client: at(index, 'client_id'), activity: at(index, 'activity'), hours: at(index, 'hours') };
  return l.month < 0 || l.rep < 0 || l.hours < 0 || index.has('contacts') ? undefined : l;
}
