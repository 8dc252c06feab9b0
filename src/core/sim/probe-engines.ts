import { floatArith } from '../money/arith.js';
import { PayoutEngine, type RepPayer } from '../payout/engine.js';
import type { Ledger } from '../payout/ledger.js';
import type { Month } from '../time/month.js';
import { isPeriodEnd, PERIOD_MONTHS, periodOf, type PeriodKind } from '../time/period.js';
import { periodParts } from './period-parts.js';
import type { ComponentSpec, Rep, Scheme } from '../types.js';
import type { SchemeView } from './scheme-view.js';

/** the periods he tried to clear a guarantee it is judged by: topped up in most of them, he stands on it in the periods to come too */
const FLOOR_PERIODS = 3;
/** the months of his past a payer keeps (RepPayer's history) */
const MAX_BACK = 12;

/** a guarantee of the scheme the probes may cut short: a copy of its component, and the last month it had */
interface CutFloor {
  copy: { -readonly [K in keyof ComponentSpec]: ComponentSpec[K] };
  to: Month | undefined;
}

/** a part of the scheme that pays apart (period-parts.ts), as the probes ask it */
export interface ProbePart {
  kind: PeriodKind;
  engine: PayoutEngine<number>;
  /** the part with copies of its guarantees, whose last month asking() sets; undefined without one */
  cut: PayoutEngine<number> | undefined;
  floors: CutFloor[];
  /** the months he asked it, and whether he stood on its guarantees from each (the last: as he last asked it) */
  askedAt: Month[];
  stoodFrom: boolean[];
}

/** whether he stood on a part's guarantees in month k: as he last asked it by then (before any asking: no, he tries) */
function stoodIn(part: ProbePart, k: Month): boolean {
  for (let i = part.askedAt.length - 1; i >= 0; i--) if (part.askedAt[i] <= k) return part.stoodFrom[i];
  return false;
}

/**
 * The first month the probes' engines take as known: every month. The run
 * writes the months before it that a scheme reads (steady-past.ts) and its
 * engine reads them from there; a probe's questions reach no further, and
 * a month no fact was written for is a month with none.
 */
const KNOWN_FROM: Month = Number.NEGATIVE_INFINITY;

/**
 * The payout engines a rep's probes ask, on his probe ledger: one for each
 * part of the scheme that pays apart over a period of its own
 * (period-parts.ts; the whole scheme, for most), and, for a part with a
 * guarantee (view.floors), the part with its guarantees cut short at the end
 * of their open periods.
 */
export class ProbeEngines {
  /** the parts of the scheme that pay apart, each over its own period: one, the whole scheme, for most */
  readonly parts: readonly ProbePart[];

  constructor(
    private readonly view: SchemeView,
    private readonly ledger: Ledger<number>,
    private readonly rep: Rep,
  ) {
    this.parts = periodParts(view).map(({ kind, scheme }) => this.partOf(kind, scheme));
  }

  private partOf(kind: PeriodKind, scheme: Scheme): ProbePart {
    const floors: CutFloor[] = [];
    const components = scheme.components.map((c) => {
      if (!this.view.floors.includes(c.id)) return c;
      const copy = { ...c };
      floors.push({ copy, to: c.to });
      return copy;
    });
    // (the guarantee is still there, so what reads it, a multiplier of it or a gate on it, reads it as in its months)
    return { kind, engine: this.engineOf(scheme), cut: floors.length > 0 ? this.engineOf({ ...scheme, components }) : undefined, floors, askedAt: [], stoodFrom: [] };
  }

  /** the same rep's engines under another scheme */
  of(view: SchemeView): ProbeEngines {
    return new ProbeEngines(view, this.ledger, this.rep);
  }

  private engineOf(scheme: Scheme): PayoutEngine<number> {
    return new PayoutEngine(scheme, this.ledger, [this.rep], { A: floatArith, explain: false, dataFrom: KNOWN_FROM, scanLost: false });
  }

  /** new month lists from here on */
  clearCache(): void {
    for (const p of this.parts) {
      p.engine.clearCache();
      p.cut?.clearCache();
    }
  }

  /**
   * The engine that pays the open period from month m, or the next one. A
   * guarantee (a non-recoverable draw) tops up its open period's pay as it
   * stands; its periods to come are his to make: unless it topped
   * him up whenever he tried of late (onFloor), what he wins now pays him there what
   * it pays above it, as on a salary, so the guarantee is cut short at the
   * end of its open period (a floor he stood on in a first month does not
   * make the clients he signs now worthless, nor the rest of a year a yearly
   * bonus opens: no trap of low pay, low effort, low pay). A rep it tops up
   * period after period earns nothing below it in the periods to come either.
   */
  asking(part: ProbePart, payer: RepPayer<number>, m: Month): PayoutEngine<number> {
    if (!part.cut) return part.engine;
    const stood = this.onFloor(part, payer, m);
    const last = part.askedAt.length - 1;
    if (last >= 0 && part.askedAt[last] === m) part.stoodFrom[last] = stood;
    else if (last < 0 || part.stoodFrom[last] !== stood) {
      part.askedAt.push(m);
      part.stoodFrom.push(stood);
    }
    if (stood) return part.engine;
    const fy = this.view.scheme.fiscalYearStart;
    for (const f of part.floors) {
      const end = periodOf(f.copy.period, m, fy).end;
      f.copy.to = f.to === undefined ? end : Math.min(f.to, end);
    }
    return part.cut;
  }

  /**
   * Whether he stands on a guarantee now and did not when he last asked, or
   * the other way: he asks again then, whatever else makes him ask (a
   * quarter's start, a dated term), so when he finds out does not hang on
   * the rest of the scheme.
   */
  floorTurned(payer: RepPayer<number>, m: Month): boolean {
    for (const part of this.parts) {
      const last = part.stoodFrom.length - 1;
      if (last >= 0 && part.stoodFrom[last] !== this.onFloor(part, payer, m)) return true;
    }
    return false;
  }

  /**
   * Whether a guarantee topped his pay up in two of the last FLOOR_PERIODS
   * of its periods he was paid trying to clear it, among its last
   * 2 x FLOOR_PERIODS (within the year the payer keeps): one bad month is
   * not enough, and a rep who gave up tries again after a few periods, when
   * those tries have aged out. His pay in a period he stood on it, his effort
   * given up, says nothing of what he makes trying, so it is no evidence
   * either way: else one unlucky spell would keep him on it for good (low
   * effort, low pay, topped up: the same again). A draw that does not top up
   * pays no line, so a period counts as paid by any line of its last month.
   */
  private onFloor(part: ProbePart, payer: RepPayer<number>, m: Month): boolean {
    const fy = this.view.scheme.fiscalYearStart;
    for (const { copy: c } of part.floors) {
      let paid = 0;
      let topped = 0;
      for (let k = m - 1; k >= m - Math.min(MAX_BACK, 2 * FLOOR_PERIODS * PERIOD_MONTHS[c.period]) && paid < FLOOR_PERIODS; k--) {
        if (!isPeriodEnd(c.period, k, fy) || stoodIn(part, k)) continue;
        const lines = payer.linesInPeriod({ kind: 'month', start: k, end: k }, []);
        if (lines.length === 0) continue;
        paid++;
        if (lines.some((l) => l.component === c.id && l.amount > 0)) topped++;
      }
      if (2 * topped > FLOOR_PERIODS) return true;
    }
    return false;
  }
}
