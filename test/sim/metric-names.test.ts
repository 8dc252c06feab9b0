import { expect, it } from 'vitest';
import { M, R, RUN_METRICS } from '../../src/core/sim/metrics.js';

/** metrics are addressed by their declared names: a misspelt one is a type error (npm run typecheck fails if the line below ever compiles) */
it('addresses a metric by its declared name only', () => {
  // @ts-expect-error: there is no run metric 'revnue'
  const misspelt: number = R.revnue;
  expect(misspelt).toBeUndefined();
  expect(R.revenue).toBe(0);
  expect(RUN_METRICS[R.orders_from_others_firms].name).toBe('orders_from_others_firms');
  expect(M.firms_never_called).toBeGreaterThan(0);
});
