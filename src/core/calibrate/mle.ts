import { minimise, standardErrors } from './optimise.js';

/** one parameter of a likelihood: its start, and how it is kept in range while optimising */
export interface ParamSpec {
  name: string;
  start: number;
  range: 'probability' | 'positive';
}

export interface MleFit {
  names: string[];
  estimates: number[];
  /** from the observed information; undefined where the Hessian is not positive definite (an estimate on a bound) */
  errors: (number | undefined)[];
  logLik: number;
}

const toFree = (x: number, range: ParamSpec['range']) => (range === 'probability' ? Math.log(x / (1 - x)) : Math.log(x));
const fromFree = (z: number, range: ParamSpec['range']) => (range === 'probability' ? 1 / (1 + Math.exp(-z)) : Math.exp(z));

/**
 * Maximum likelihood: Nelder-Mead on unbounded transforms (logit, log) of
 * the parameters, then standard errors from the Hessian of -log L in the
 * parameters themselves. `step` is the first simplex's size on the
 * transformed scale: smaller from a start near the optimum (a refit).
 */
export function fitMle(params: readonly ParamSpec[], negLogLik: (x: number[]) => number, step = 0.5): MleFit {
  const free = (z: number[]) => negLogLik(z.map((zi, i) => fromFree(zi, params[i].range)));
  const z0 = params.map((p) => toFree(p.start, p.range));
  const m = minimise(free, z0, params.map(() => step));
  const estimates = m.x.map((zi, i) => fromFree(zi, params[i].range));
  const errors = standardErrors(negLogLik, estimates);
  return { names: params.map((p) => p.name), estimates, errors, logLik: -m.value };
}

/** log of a probability, floored so an impossible observation costs much but not infinity */
export function logP(p: number): number {
  return Math.log(p > 1e-12 ? p : 1e-12);
}
