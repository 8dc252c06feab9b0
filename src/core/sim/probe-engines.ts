import { floatArith } from '../money/arith.js';
import { PayoutEngine, type RepPayer } from '../payout/engine.js';
import type { Ledger } from '../payout/ledger.js';
import type { Month } from '../time/month.js';
import { isPeriodEnd, PERIOD_MONTHS, periodOf, type PeriodKind } from '../time/period.js';
import { periodParts } from './period-parts.js';
import type { ComponentSpec, Rep, Scheme } from '../types.js';
import type { SchemeView } from './scheme-view.js';

/** the periods behind him a guarantee is judged by: topped up in most of them, he stands on it in the periods to come too */
const FLOOR_PERIODS = 3;
/** the months of his past a payer keeps (RepPayer's history) */
const MAX_BACK = 12;

/** a guarantee of the scheme the probes may cut short: a copy of its component, and the last month it had */
interface CutFloor {
  copy: { -readonly [K in keyof ComponentSpec]: ComponentSpec[K] };
  to: Month | undefined;
}

/**
 * The payout engines a rep's probes ask, on his probe ledger: the scheme's
 * own, one for each part of it that pays apart over a period of its own
 * (period-parts.ts), and, where it has a guarantee (view.floors), the scheme
 * with its guarantees cut short at the end of their open periods.
 */
export class ProbeEngines {
  readonly main: PayoutEngine<number>;
  /** the parts of the scheme that pay apart, each over its own period (period-parts.ts): one, the whole scheme, for most */
  readonly parts: readonly { kind: PeriodKind; engine: PayoutEngine<number> }[];
  /** the scheme with copies of its guarantees, whose last month asking() sets; undefined without one */
  private readonly cut: PayoutEngine<number> | undefined;
  private readonly floors: CutFloor[] = [];

  constructor(
    private readonly view: SchemeView,
    private readonly ledger: Ledger<number>,
    private readonly rep: Rep,
    private readonly dataFrom: Month,
  ) {
    this.main = this.engineOf(view.scheme);
    this.parts = periodParts(view).map(({ kind, scheme }) => ({ kind, engine: scheme === view.scheme ? this.main : this.engineOf(scheme) }));
    if (view.floors.length === 0) return;
    const components = view.scheme.components.map((c) => {
      if (!view.floors.includes(c.id)) return c;
      const copy = { ...c };
      this.floors.push({ copy, to: c.to });
      return copy;
    });
    // (the guarantee is still there, so what reads it, a multiplier of it or a gate on it, reads it as in its months)
    this.cut = this.engineOf({ ...view.scheme, components });
  }

  /** the same rep's engines under another scheme */
  of(view: SchemeView): ProbeEngines {
    return new ProbeEngines(view, this.ledger, this.rep, this.dataFrom);
  }

  private engineOf(scheme: Scheme): PayoutEngine<number> {
    return new PayoutEngine(scheme, this.ledger, [this.rep], { A: floatArith, explain: false, dataFrom: this.dataFrom, scanLost: false });
  }

  /** new month lists from here on */
  clearCache(): void {
    this.main.clearCache();
    for (const p of this.parts) if (p.engine !== this.main) p.engine.clearCache();
    this.cut?.clearCache();
  }

  /**
   * The engine that pays the open period from month m, or the next one. A
   * guarantee (a non-recoverable draw) tops up its open period's pay as it
   * stands; its periods to come are his to make: unless it topped
   * him up in most of his last periods, what he wins now pays him there what
   * it pays above it, as on a salary, so the guarantee is cut short at the
   * end of its open period (a floor he stood on in a first month does not
   * make the clients he signs now worthless, nor the rest of a year a yearly
   * bonus opens: no trap of low pay, low effort, low pay). A rep it tops up
   * period after period earns nothing below it in the periods to come either.
   */
  asking(payer: RepPayer<number>, m: Month): PayoutEngine<number> {
    if (!this.cut || this.onFloor(payer, m)) return this.main;
    const fy = this.view.scheme.fiscalYearStart;
    for (const f of this.floors) {
      const end = periodOf(f.copy.period, m, fy).end;
      f.copy.to = f.to === undefined ? end : Math.min(f.to, end);
    }
    return this.cut;
  }

  /**
   * Whether a guarantee topped his pay up in most of the last FLOOR_PERIODS
   * of its periods he was paid (within the year the payer keeps; none paid:
   * no). A draw that does not top up pays no line, so a period counts as
   * paid by any line of its last month.
   */
  private onFloor(payer: RepPayer<number>, m: Month): boolean {
    const fy = this.view.scheme.fiscalYearStart;
    for (const c of this.view.scheme.components) {
      if (!this.view.floors.includes(c.id)) continue;
      let paid = 0;
      let topped = 0;
      for (let k = m - Math.min(MAX_BACK, FLOOR_PERIODS * PERIOD_MONTHS[c.period]); k < m; k++) {
        if (!isPeriodEnd(c.period, k, fy)) continue;
        const lines = payer.linesInPeriod({ kind: 'month', start: k, end: k }, []);
        if (lines.length === 0) continue;
        paid++;
        if (lines.some((l) => l.component === c.id && l.amount > 0)) topped++;
      }
      if (2 * topped > paid) return true;
    }
    return false;
  }
}
