import type { Problem } from '../../problems/problem.js';
import type { Scheme } from '../../types.js';

/** A semantic rule: looks at a normalised scheme and reports problems. */
export type Rule = (scheme: Scheme, report: (p: Problem) => void) => void;
