import type { Measure } from './measure.js';

export const hours: Measure = {
  name: 'hours',
  kind: 'hours',
  description: 'Hours the rep logged in the period (activity.csv); filter by activity (prospect, signed, active, leads).',
  filters: ['activity'],
  compute(input, filter, period) {
    const { A } = input;
    let acc = A.zero;
    for (let m = period.start; m <= period.end; m++) {
      const a = input.rep.activity.get(m);
      if (!a) continue;
      if (!filter.activities) acc = A.add(acc, a.hours);
      else for (const act of filter.activities) acc = A.add(acc, a.hoursByActivity.get(act) ?? A.zero);
    }
    return acc;
  },
};

export const contacts: Measure = {
  name: 'contacts',
  kind: 'count',
  description: 'Contacts (calls, meetings) the rep logged in the period.',
  filters: [],
  compute(input, _filter, period) {
    let n = 0;
    for (let m = period.start; m <= period.end; m++) n += input.rep.activity.get(m)?.contacts ?? 0;
    return input.A.int(n);
  },
};
