import { normalQuantile } from '../random/counter.js';
import type { Distribution } from './types.js';

/** a draw from a distribution, by inversion of one uniform in (0, 1) */
export function sample(d: Distribution, u: number): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'normal': {
      let x = d.mean + d.sd * normalQuantile(u);
      if (d.min !== undefined && x < d.min) x = d.min;
      if (d.max !== undefined && x > d.max) x = d.max;
      return x;
    }
    case 'lognormal':
      return d.median * Math.exp(d.sigma * normalQuantile(u));
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (b === a) return a;
      const f = (c - a) / (b - a);
      return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
  }
}

/** the mean, for what a rep expects */
export function mean(d: Distribution): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'normal':
      return d.mean;
    case 'lognormal':
      return d.median * Math.exp((d.sigma * d.sigma) / 2);
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
  }
}

/**
 * The log of the density at x (a constant: a lognormal of sigma 0.25 about
 * its value, so that a value near it is likelier than one far off), for
 * which of several distributions a value fits best. -Infinity outside the
 * support.
 */
export function logDensity(d: Distribution, x: number): number {
  const normal = (z: number, sd: number) => -0.5 * z * z - Math.log(sd * Math.sqrt(2 * Math.PI));
  const lognormal = (median: number, sigma: number) => (x > 0 && median > 0 ? normal(Math.log(x / median) / sigma, sigma) - Math.log(x) : -Infinity);
  switch (d.kind) {
    case 'constant':
      return lognormal(d.value, 0.25);
    case 'uniform':
      return x >= d.min && x <= d.max && d.max > d.min ? -Math.log(d.max - d.min) : -Infinity;
    case 'normal':
      return (d.min !== undefined && x < d.min) || (d.max !== undefined && x > d.max) || !(d.sd > 0) ? -Infinity : normal((x - d.mean) / d.sd, d.sd);
    case 'lognormal':
      return lognormal(d.median, d.sigma);
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (x < a || x > b || b <= a) return -Infinity;
      const p = x < c ? (2 * (x - a)) / ((b - a) * (c - a)) : x > c ? (2 * (b - x)) / ((b - a) * (b - c)) : 2 / (b - a);
      return Math.log(p);
    }
  }
}
