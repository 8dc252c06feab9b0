/**
 * Other names of a measure that a user knows from motiv itself: the run
 * metrics of `simulate` and `sweep` count the same clients as clients_signed,
 * clients_activated and clients_lost. A scheme that writes one of them (or a
 * typo of one: clients_sgned) is offered the measure, not the measure whose
 * name is fewest letters away (clients_owned); sweep's and optimise's
 * metrics take them the other way round (new_clients: clients_signed).
 * [other name, measure]
 */
export const MEASURE_ALIASES: readonly (readonly [string, string])[] = [
  ['clients_signed', 'new_clients'],
  ['clients_activated', 'activated_clients'],
  ['clients_lost', 'lost_clients'],
];
