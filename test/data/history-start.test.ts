import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/cli/io/dataset.js';
import { historyStart } from '../../src/core/payout/span.js';
import { monthOfDay } from '../../src/core/time/month.js';

const LEADS = join(__dirname, '../../fixtures/leads');

describe("a loaded dataset's first month of business", () => {
  it('is found once and stays right when the rows are replaced', async () => {
    const { dataset } = await readDataset(LEADS);
    const data = dataset!;
    const first = historyStart(data);
    expect(first).toBeDefined();
    expect(historyStart(data)).toBe(first);
    // a sale two years earlier, given as arrays: the columns are no longer read
    const early = { ...data.transactions[0], id: 'early', day: data.transactions[0].day - 730 };
    data.transactions = [early, ...data.transactions];
    expect(historyStart(data)).toBe(Math.min(first!, monthOfDay(early.day)));
    expect(historyStart(data)).toBeLessThan(first!);
    // activity replaced too: its earliest month counts
    const activity = data.activity;
    expect(activity.length).toBeGreaterThan(0);
    data.activity = [{ ...activity[0], month: first! - 60 }, ...activity];
    expect(historyStart(data)).toBe(first! - 60);
  });

  it('is the same for a spread copy, read through its arrays', async () => {
    const { dataset } = await readDataset(LEADS);
    expect(historyStart({ ...dataset! })).toBe(historyStart(dataset!));
  });
});
