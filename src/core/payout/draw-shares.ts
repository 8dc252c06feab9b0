/**
 * How much of a variable line a draw counts, when the rep holds several
 * plans with draws in the line's month (assignments.csv). A line bound to
 * one draw's roles only counts whole against it; a line several draws share
 * (bound to no role, to roles of two plans, or the variable cap's cut) counts
 * once: split between the draws in force that month that share it, in
 * proportion to the days of each (a switch on 16 February: 15/28 against the
 * old plan's draw, 13/28 against the new one's). Without the split it counted
 * whole against each, so earning it lowered his pay.
 */

/** a draw and its days in force in one month (0: not in force) */
export interface DrawDays {
  id: string;
  /** undefined: bound to no role */
  roles: readonly string[] | undefined;
  days: number;
}

/** a draw's part of a line: `days` of `of` (the same: whole), and the draws it shares the line with */
export interface DrawShare {
  days: number;
  of: number;
  others: readonly string[];
}

/** the draws in force that a line bound to `lineRoles` (undefined: to no role) counts against */
function sharing(lineRoles: readonly string[] | undefined, draws: readonly DrawDays[]): DrawDays[] {
  return draws.filter((d) => d.days > 0 && (lineRoles === undefined || d.roles === undefined || d.roles.some((r) => lineRoles.includes(r))));
}

/** the part of a line bound to `lineRoles` that draw `mine` counts, among the month's draws (whole when it is the only one sharing it, none when it is not in force that month) */
export function drawShare(mine: string, lineRoles: readonly string[] | undefined, draws: readonly DrawDays[]): DrawShare {
  const shared = sharing(lineRoles, draws);
  const own = shared.find((d) => d.id === mine);
  // (no draw in force that month shares it: as it always counted)
  if (shared.length === 0 || (own !== undefined && shared.length === 1)) return { days: 1, of: 1, others: [] };
  let of = 0;
  for (const d of shared) of += d.days;
  return { days: own?.days ?? 0, of, others: shared.filter((d) => d !== own).map((d) => d.id) };
}
