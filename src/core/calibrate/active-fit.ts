import { fitMle, type MleFit } from './mle.js';
import type { ActiveMonth, WalletPath } from './panel.js';
import { churnNegLogLik } from './response-fits.js';
import { walletNegLogLik } from './wallet-fit.js';

/**
 * Active clients, jointly: the months they were or were not lost (churn,
 * keep, half hours, churn_cut) and the revenue paths of those activated in
 * the history (wallet gain, erosion, starting share, boost), which share the
 * curve's keep and half hours. The revenue paths carry far more about the
 * curve than the few losses do.
 */
export function fitActive(rows: readonly ActiveMonth[], paths: readonly WalletPath[], monthsToFull: number, logSeason: readonly number[]): MleFit {
  const churn = churnNegLogLik(rows, monthsToFull);
  const wallet = walletNegLogLik(paths, { monthsToFull, logSeason: [...logSeason] });
  return fitMle(
    [
      { name: 'churn', start: 0.04, range: 'probability' },
      { name: 'keep', start: 0.5, range: 'probability' },
      { name: 'half_hours', start: 2, range: 'positive' },
      { name: 'churn_cut', start: 0.3, range: 'probability' },
      { name: 'wallet', start: 0.1, range: 'probability' },
      { name: 'wallet_erosion', start: 0.05, range: 'probability' },
      { name: 'wallet_start', start: 0.3, range: 'probability' },
      { name: 'wallet_boost', start: 0.2, range: 'positive' },
    ],
    ([c, keep, half, cut, gain, erosion, w0, boost]) => churn([c, keep, half, cut]) + wallet([gain, erosion, w0, boost, keep, half]),
  );
}
