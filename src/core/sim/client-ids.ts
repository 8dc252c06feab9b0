/** simulated clients are named c0, c1, ...; lead deals go to a per-rep 'inbound' client */
export function clientId(i: number): string {
  return `c${i}`;
}

export function indexOfId(id: string): number {
  if (id.charCodeAt(0) !== 99 /* c */) return -1;
  const n = Number(id.slice(1));
  return Number.isInteger(n) ? n : -1;
}
