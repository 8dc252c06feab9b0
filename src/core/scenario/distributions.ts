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
