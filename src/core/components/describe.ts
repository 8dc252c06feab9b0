import type { Filter } from '../types.js';

/** "category active, segment key, age 2-12 months since activation" */
export function describeFilter(f: Filter | undefined): string {
  if (!f) return '';
  const parts: string[] = [];
  if (f.categories) parts.push(`category ${f.categories.join('/')}`);
  if (f.segments) parts.push(`segment ${f.segments.join('/')}`);
  if (f.ageMonths) {
    const { from, to } = f.ageMonths;
    const since = f.ageSince === 'signing' ? 'signing' : 'activation';
    const range = from !== undefined && to !== undefined ? (from === to ? `${from}` : `${from}-${to}`) : from !== undefined ? `${from}+` : `up to ${to}`;
    parts.push(`month ${range} since ${since}`);
  }
  if (f.activities) parts.push(`activity ${f.activities.join('/')}`);
  return parts.join(', ');
}
