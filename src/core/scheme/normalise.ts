import { componentType } from '../components/registry.js';
import { isKnownCurrency, minorDigitsOf } from '../money/currency.js';
import { didYouMean } from '../problems/suggest.js';
import * as R from '../money/rational.js';
import { problem, type Problem } from '../problems/problem.js';
import type { ComponentSpec, CreditRule, Plan, PlanSource, RoundingMode, Scheme, VariableCap } from '../types.js';
import type { PeriodKind } from '../time/period.js';
import { DEFAULT_CREDIT } from '../payout/credit.js';
import { MONTH_NAMES } from './json-schema.js';
import { Normaliser } from './normaliser.js';
import { normaliseOrganisation } from './organisation.js';

type Raw = Record<string, unknown>;

/**
 * Schema-valid YAML value -> typed scheme with exact numbers (plus problems a
 * schema cannot see). Also run on a scheme whose shape is broken, for the
 * problems of its other parts (load.ts): there a component of an unknown type
 * is kept by its id alone.
 */
export function normaliseScheme(raw: Raw, file?: string): { scheme: Scheme; problems: Problem[] } {
  const n = new Normaliser();
  const currency = String(raw.currency);
  let minorDigits = raw.minor_units as number | undefined;
  // a scheme that sets minor_units may use a unit of its own (points); otherwise the code must be a real currency
  if (minorDigits === undefined) {
    minorDigits = isKnownCurrency(currency) ? minorDigitsOf(currency) : undefined;
    if (minorDigits === undefined) {
      const dym = didYouMean(currency, knownCurrencies());
      n.report(
        problem('bad-value', `'${currency}' is not an ISO 4217 currency code${dym ? `; ${dym}` : ''}`, {
          path: ['currency'],
          hint: "use a code such as 'EUR', 'USD' or 'GBP', or set 'minor_units' for a unit of your own",
        }),
      );
      minorDigits = 2;
    }
  }

  const plans = new Map<string, Plan>();
  for (const [name, value] of Object.entries((raw.plans as Record<string, Raw> | undefined) ?? {})) {
    plans.set(name, normalisePlan(name, value, n));
  }

  const credit: CreditRule[] = raw.credit
    ? (raw.credit as Raw[]).map((rule, i) => ({
        when: rule.when === undefined ? undefined : creditWhen(rule.when as Raw, n, ['credit', i, 'when']),
        split: Object.entries(rule.split as Raw).map(([role, share]) => ({ role, share: n.rate(share, ['credit', i, 'split', role]) })),
        overlay: Object.entries((rule.overlay as Raw | undefined) ?? {}).map(([role, share]) => ({ role, share: n.rate(share, ['credit', i, 'overlay', role]) })),
        path: ['credit', i],
      }))
    : [...DEFAULT_CREDIT];

  const components: ComponentSpec[] = (raw.components as Raw[]).map((c, i) => {
    const path = ['components', i];
    const type = componentType(String(c.type));
    // (only a scheme whose shape is broken gets here: the shape check reported the type)
    if (!type) return byIdAlone(c, path);
    const defaultPeriod: PeriodKind = 'month';
    n.owner = `component '${String(c.id)}'`;
    return {
      id: String(c.id),
      type: type.type,
      label: c.label as string | undefined,
      period: (c.period as PeriodKind | undefined) ?? defaultPeriod,
      roles: c.roles as string[] | undefined,
      from: n.month(c.from, [...path, 'from']),
      to: n.month(c.to, [...path, 'to']),
      cap: c.cap === undefined ? undefined : n.datedAmount(c.cap, [...path, 'cap']),
      gate: n.gate(c.gate as Raw | undefined, [...path, 'gate']),
      tenureMonths: n.tenureMonths(c.tenure_months, [...path, 'tenure_months']),
      variable: (c.variable as boolean | undefined) ?? type.variable,
      clawback: c.clawback
        ? {
            withinMonths: (c.clawback as Raw).within_months as number,
            since: ((c.clawback as Raw).since as 'signing' | 'activation' | undefined) ?? 'signing',
            path: [...path, 'clawback'],
          }
        : undefined,
      path,
      spec: type.normalise(c, n, path),
    };
  });

  n.owner = undefined;
  const cap = raw.variable_cap as Raw | undefined;
  const variableCap: VariableCap | undefined = cap
    ? { amount: n.datedNumber(cap.amount, ['variable_cap', 'amount']), period: (cap.period as PeriodKind | undefined) ?? 'month', path: ['variable_cap'] }
    : undefined;

  const scheme: Scheme = {
    name: String(raw.name),
    description: raw.description as string | undefined,
    currency,
    minorDigits,
    rounding: (raw.rounding as RoundingMode | undefined) ?? 'half-up',
    fiscalYearStart: (raw.fiscal_year_start as number | undefined) ?? 1,
    roles: raw.roles as string[] | undefined,
    plans,
    credit,
    components,
    variableCap,
    ...(raw.transactions !== undefined ? { transactions: { countStatuses: ((raw.transactions as Raw).count_statuses as string[] | undefined)?.map(String), path: ['transactions'] } } : {}),
    scenario: raw.scenario as string | undefined,
    organisation: normaliseOrganisation(raw.organisation as Raw | undefined, raw.roles as string[] | undefined, (p) => n.report(p), (v, p) => n.rate(v, p).f),
    file,
  };
  return { scheme, problems: n.problems };
}

/**
 * A component of a type motiv does not know, kept as its id alone: none of
 * its keys can be read without the type, so no rule looks inside it, but a
 * reference to it resolves (a multiplier on it is not also 'unknown').
 */
function byIdAlone(c: Raw, path: (string | number)[]): ComponentSpec {
  return {
    id: String(c.id),
    type: String(c.type),
    label: undefined,
    period: 'month',
    roles: undefined,
    from: undefined,
    to: undefined,
    cap: undefined,
    gate: undefined,
    tenureMonths: undefined,
    variable: false,
    clawback: undefined,
    path,
    spec: {},
  };
}

/** the codes the runtime knows, for did-you-mean */
function knownCurrencies(): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf;
  return supported ? supported('currency') : ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'RUB', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK'];
}

/** a credit rule looks at the client of a sale: its category, segment and age, not at activities */
function creditWhen(raw: Raw, n: Normaliser, path: (string | number)[]) {
  if (raw.tenure_months !== undefined) {
    n.report(
      problem('filter-not-applicable', "a credit rule cannot look at 'tenure_months': credit decides who the rep is, so his tenure is not known yet", {
        path: [...path, 'tenure_months'],
        hint: "put 'tenure_months' on the component's filter instead",
      }),
    );
  }
  if (raw.activity !== undefined) {
    n.report(
      problem('filter-not-applicable', "a credit rule cannot look at 'activity': credit goes by the client's category, segment and age", {
        path: [...path, 'activity'],
        hint: "remove 'activity'",
      }),
    );
  }
  return n.filter(raw, path);
}

function normalisePlan(name: string, raw: Raw, n: Normaliser): Plan {
  const path = ['plans', name];
  const given = (['monthly', 'column', 'formula'] as const).filter((k) => raw[k] !== undefined);
  if (given.length !== 1) {
    n.report(
      problem(given.length ? 'conflict' : 'missing-key', `plan '${name}' needs exactly one of 'monthly', 'column' or 'formula'`, {
        path,
        onKey: true,
        hint: given.length ? `keep one of ${given.join(', ')}` : "e.g. 'monthly: 100000'",
      }),
    );
  }
  let source: PlanSource = { kind: 'constant', monthly: [{ from: undefined, value: R.ZERO }] };
  if (raw.monthly !== undefined) source = { kind: 'constant', monthly: n.datedNumber(raw.monthly, [...path, 'monthly']) };
  else if (raw.column !== undefined) source = { kind: 'column', column: String(raw.column) };
  else if (raw.formula !== undefined) {
    const formula = n.formula(raw.formula, [...path, 'formula'], `plan '${name}'`, "write it like 'clients_owned * 4000' or 'rep.target * 1.1'");
    if (formula) source = { kind: 'formula', ...formula };
  }
  let seasonality: R.Q[] | undefined;
  if (Array.isArray(raw.seasonality)) seasonality = raw.seasonality.map((v, i) => n.rate(v, [...path, 'seasonality', i]));
  else if (raw.seasonality) {
    const byName = raw.seasonality as Record<string, number>;
    seasonality = MONTH_NAMES.map((m) => (byName[m] === undefined ? R.ONE : n.rate(byName[m], [...path, 'seasonality', m])));
  }
  return {
    name,
    measure: n.measureRef(String(raw.measure), raw.filter, [...path, 'measure'], [...path, 'filter']),
    source,
    seasonality,
    prorate: raw.prorate !== false,
    path,
  };
}
