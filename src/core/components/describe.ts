import type { Filter } from '../types.js';

/** "2-12", "4+", "up to 3" */
function range(from: number | undefined, to: number | undefined): string {
  return from !== undefined && to !== undefined ? (from === to ? `${from}` : `${from}-${to}`) : from !== undefined ? `${from}+` : `up to ${to}`;
}

/** "category active, segment key, age 2-12 months since activation" */
export function describeFilter(f: Filter | undefined): string {
  if (!f) return '';
  const parts: string[] = [];
  if (f.categories) parts.push(`category ${f.categories.join('/')}`);
  if (f.segments) parts.push(`segment ${f.segments.join('/')}`);
  if (f.ageMonths) {
    const { from, to } = f.ageMonths;
    const since = f.ageSince === 'signing' ? 'signing' : 'activation';
    parts.push(`month ${range(from, to)} since ${since}`);
  }
  if (f.activities) parts.push(`activity ${f.activities.join('/')}`);
  if (f.tenureMonths) parts.push(`rep's month ${range(f.tenureMonths.from ?? 1, f.tenureMonths.to)} of tenure`);
  return parts.join(', ');
}
