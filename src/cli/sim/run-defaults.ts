/** runs per point of a sweep when --runs is not given: a sweep plays every point, so fewer than simulate's 1,000 */
export const SWEEP_DEFAULT_RUNS = 200;
/** runs of each finalist of optimise, and of its final check, when --runs is not given */
export const OPTIMISE_DEFAULT_RUNS = 200;
