import { fitMle, type MleFit, type ParamSpec } from './mle.js';
import type { ActiveMonths } from './client-months.js';
import type { WalletPath } from './panel.js';
import { churnNegLogLik } from './response-fits.js';
import { walletNegLogLik } from './wallet-fit.js';

const ACTIVE_PARAMS: [string, ParamSpec['range']][] = [
  ['churn', 'probability'], ['keep', 'probability'], ['half_hours', 'positive'], ['churn_cut', 'probability'],
  ['wallet', 'probability'], ['wallet_erosion', 'probability'], ['wallet_start', 'probability'], ['wallet_boost', 'positive'],
];
const ACTIVE_START = [0.04, 0.5, 2, 0.3, 0.1, 0.05, 0.3, 0.2];

/**
 * Active clients, jointly: the months they were or were not lost (churn,
 * keep, half hours, churn_cut) and the revenue paths of those activated in
 * the history (wallet gain, erosion, starting share, boost), which share the
 * curve's keep and half hours. The revenue paths carry far more about the
 * curve than the few losses do. The fitter takes the seasonality the
 * revenue is read net of, and a start (an earlier fit's estimates).
 */
export function activeFitter(rows: ActiveMonths, paths: readonly WalletPath[], monthsToFull: number): (logSeason: readonly number[], start?: readonly number[]) => MleFit {
  // the losses do not depend on the season: their likelihood is built once for every refit
  const churn = churnNegLogLik(rows, monthsToFull);
  return (logSeason, start) => {
    const wallet = walletNegLogLik(paths, { monthsToFull, logSeason: [...logSeason] });
    return fitMle(
      ACTIVE_PARAMS.map(([name, range], i) => ({ name, range, start: (start ?? ACTIVE_START)[i] })),
      ([c, keep, half, cut, gain, erosion, w0, boost]) => churn([c, keep, half, cut]) + wallet([gain, erosion, w0, boost, keep, half]),
      // from an earlier fit's estimates (the season refined): a small first simplex
      start ? 0.1 : 0.5,
    );
  };
}
