/**
 * One value of the calibrated scenario and where it came from: an estimate
 * from the history (with its standard error and the observations it rests
 * on) or the default kept because the history is too thin for it.
 */
export interface Estimate {
  /** the scenario key, dotted: response.prospect.sign */
  key: string;
  /** what goes in the file */
  value: number;
  source: 'mle' | 'moment' | 'default';
  /** standard error of an estimate, when the observed information gives one */
  error?: number;
  /** how many observations it rests on, and of what: 8,035 prospect-months */
  observations?: number;
  basis?: string;
  /** events the estimate rests on (signings, losses), for the too-few check */
  events?: number;
  /** why a default was kept, or how a moment was taken */
  note?: string;
}

/** the fewest events an event probability rests on before it is estimated rather than kept at its default */
export const MIN_EVENTS = 30;
