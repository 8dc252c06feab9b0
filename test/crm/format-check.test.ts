import { describe, expect, it } from 'vitest';
import { compileDateFormat, type DateFormat } from '../../src/core/crm/date-format.js';
import { FormatCheck } from '../../src/core/crm/format-check.js';
import type { CrmMap, Named, ReadStyle } from '../../src/core/crm/map.js';

const map: CrmMap = { file: 'map.yaml', tables: [], where: (p) => `map.yaml:${p.join('.')}`, place: (p) => ({ file: 'map.yaml', line: p.length, column: 1 }) };
const column: Named = { name: 'Date', path: ['tables', 'transactions', 'columns', 'date'], where: 'map.yaml:20:13' };
const style = (dateFormat?: string): ReadStyle => ({
  delimiter: undefined,
  decimal: undefined,
  dateFormat: dateFormat ? (compileDateFormat(dateFormat) as DateFormat) : undefined,
  encoding: 'utf-8',
  currencyMarks: [],
  at: {},
  keys: dateFormat ? { date: ['date_format'] } : {},
});

/** a file of these date cells, every row skipped for its date */
function check(cells: string[], dateFormat?: string): FormatCheck {
  const c = new FormatCheck('export/payments.csv', style(dateFormat), map);
  cells.forEach((text, i) => c.cellMissed(i + 2, { kind: 'date', text, named: column }));
  return c;
}

describe('a mapped file none of whose dates read', () => {
  it('is one error, whatever the number of rows', () => {
    const found = check(['03.02.2026', '15.02.2026'], 'DD/MM/YY').problems(2);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'not-a-date', severity: 'error', file: 'map.yaml', line: 1 });
  });

  it('names both formats when dates fit day-first and month-first alike, and picks neither', () => {
    const [p] = check(['03/02/2026', '04/05/2026'], 'DD.MM.YYYY').problems(2);
    expect(p.message).toContain('they read as MM/DD/YYYY or DD/MM/YYYY');
    expect(p.hint).toBe('change date_format to the one the CRM writes: MM/DD/YYYY or DD/MM/YYYY');
  });

  it('suggests no format when none reads every cell', () => {
    const [p] = check(['03.02.2026', '2026/02/15'], 'DD/MM/YY').problems(2);
    expect(p.message).not.toContain('they read as');
    expect(p.hint).toContain("change date_format to how the export writes '03.02.2026'");
  });

  it('without a date_format in the map, is placed at the column and says to add one', () => {
    const [p] = check(['02/15/2026']).problems(1);
    expect(p).toMatchObject({ line: column.path.length });
    expect(p.message).toContain('reads without a date_format in the map');
    expect(p.hint).toBe('add to the map date_format: MM/DD/YYYY');
  });

  it('is no error when one row reached the dataset, or when one date read', () => {
    const kept = check(['03.02.2026'], 'DD/MM/YY');
    kept.rowKept();
    expect(kept.problems(2)).toEqual([]);
    const read = check(['03.02.2026'], 'DD/MM/YY');
    read.cellRead('date');
    expect(read.problems(2)).toEqual([]);
  });
});
