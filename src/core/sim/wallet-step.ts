/**
 * An active client's share of wallet one month on (docs/model.md, "Clients
 * respond"): attention with effect `s` wins part of what it does not buy
 * from the firm yet, more so with a relationship at `level`, and neglect
 * loses part of what it does. The simulation moves shares with it; the
 * start from data and calibrate's wallet fit follow the same path.
 */
export function nextShare(w: number, s: number, level: number, gain: number, erosion: number, boost: number, keep: number): number {
  const next = w + gain * s * (1 + boost * level) * (1 - w) - erosion * w * (1 - keep * s);
  return next < 0 ? 0 : next > 1 ? 1 : next;
}
