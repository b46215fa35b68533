/**
 * The feature schema: every feature the scorecards may use, with its definition, window, source,
 * dimension and risk direction. One definition each, computed by src/features for the nightly run,
 * the refresh after an ingest load, as-of scoring, training and evaluation alike. The stored vectors
 * follow this order; `FEATURE_SCHEMA_VERSION` changes whenever a name, order or definition does.
 */

/** The five dimensions a score is reported in. */
export const DIMENSIONS = {
  repayment: 'Repayment history',
  cashflow: 'Cash-flow behaviour',
  counterparty: 'Counterparty quality',
  network: 'Network position',
  community: 'Community risk',
} as const;
export type Dimension = keyof typeof DIMENSIONS;

/** `riskier`: a higher value means more risk; `safer`: less risk; `unknown`: no prior direction. */
export type RiskDirection = 'riskier' | 'safer' | 'unknown';

/** Where a feature comes from: the entity's own facts, its counterparties' facts, or the metrics run. */
export type FeatureSource = 'own facts' | 'counterparties' | 'metrics run';

export interface FeatureSpec {
  readonly family: 'flows' | 'lifecycle' | 'movement' | 'counterparties' | 'quality' | 'history' | 'network' | 'community';
  readonly dimension: Dimension;
  readonly direction: RiskDirection;
  readonly source: FeatureSource;
  /** Look-back window ending at the as-of date, or null when the feature uses all history before it. */
  readonly window: string | null;
  /** What it measures, with units. */
  readonly description: string;
}

const movement = (description: string, window = '90 days', direction: RiskDirection = 'riskier'): FeatureSpec => ({
  family: 'movement',
  dimension: 'cashflow',
  direction,
  source: 'own facts',
  window,
  description,
});

const flows = (window: string, description: string, direction: RiskDirection = 'safer'): FeatureSpec => ({
  family: 'flows',
  dimension: 'cashflow',
  direction,
  source: 'own facts',
  window,
  description,
});

/** Every feature, in the stored order. Amounts are integer minor units of the entity's main currency. */
export const FEATURE_SPECS = {
  inCount30: flows('30 days', 'payments and trades received (count)'),
  inCount90: flows('90 days', 'payments and trades received (count)'),
  inCount365: flows('365 days', 'payments and trades received (count)'),
  outCount30: flows('30 days', 'payments and trades made (count)'),
  outCount90: flows('90 days', 'payments and trades made (count)'),
  outCount365: flows('365 days', 'payments and trades made (count)'),
  inAmount30: flows('30 days', 'inflow (minor units)'),
  inAmount90: flows('90 days', 'inflow (minor units)'),
  inAmount365: flows('365 days', 'inflow (minor units)'),
  outAmount30: flows('30 days', 'outflow (minor units)', 'unknown'),
  outAmount90: flows('90 days', 'outflow (minor units)', 'unknown'),
  outAmount365: flows('365 days', 'outflow (minor units)', 'unknown'),
  netInflow90: flows('90 days', 'inflow minus outflow (minor units)'),
  growth: flows('2 × 90 days', 'events in the last 90 days against the 90 before: (recent − prior) / max(prior, 1)', 'unknown'),
  regularity: flows('last 400 events', 'regularity of activity: 1 / (1 + coefficient of variation of the gaps between events), 0..1'),
  // No prior direction: people's activity is bursty, scripted activity regular, and fraud comes in bursts too.
  burstiness: flows('last 400 events', 'burstiness of activity (Goh & Barabási 2008): (σ − μ) / (σ + μ) of the gaps between events, −1..1', 'unknown'),
  tenureDays: {
    family: 'lifecycle',
    dimension: 'cashflow',
    direction: 'safer',
    source: 'own facts',
    window: null,
    description: 'days since the first known activity (first event, or the account opening when earlier)',
  },
  accountAgeDays: {
    family: 'lifecycle',
    dimension: 'cashflow',
    direction: 'safer',
    source: 'own facts',
    window: null,
    description: 'days since the account or business was opened (its record’s openedAt)',
  },
  ageAtFirstActivityDays: {
    family: 'lifecycle',
    dimension: 'cashflow',
    direction: 'safer',
    source: 'own facts',
    window: null,
    description: 'days from the account opening (openedAt) to the first event (missing: no opening date or no event)',
  },
  daysSinceActivity: {
    family: 'lifecycle',
    dimension: 'cashflow',
    direction: 'riskier',
    source: 'own facts',
    window: null,
    description: 'days since the last event',
  },
  passThrough24h: movement('share of the inflow of the last 90 days paid out again within 24 hours of arriving (first in, first out), 0..1 (missing: no inflow)'),
  passThrough72h: movement('share of the inflow of the last 90 days paid out again within 72 hours of arriving (first in, first out), 0..1 (missing: no inflow)'),
  roundAmountShare: movement('share of the payments made and received in the last 365 days whose amount is a whole multiple of 100 currency units, 0..1 (missing: no payment)', '365 days'),
  repeatedAmountShare: movement('share of the payments made and received in the last 365 days whose exact amount and currency occur more than once among them, 0..1 (missing: no payment)', '365 days', 'unknown'),
  counterparties: {
    family: 'counterparties',
    dimension: 'cashflow',
    direction: 'safer',
    source: 'own facts',
    window: '365 days',
    description: 'distinct counterparties paid, paid by, rating or rated (count)',
  },
  degree: {
    family: 'counterparties',
    dimension: 'network',
    direction: 'safer',
    source: 'own facts',
    window: null,
    description: 'distinct trading counterparties in + out (payments, supply links, positive ratings; count)',
  },
  fanIn90: {
    family: 'counterparties',
    dimension: 'cashflow',
    direction: 'unknown',
    source: 'own facts',
    window: '90 days',
    description: 'distinct counterparties that paid or rated the entity (count)',
  },
  fanOut90: {
    family: 'counterparties',
    dimension: 'cashflow',
    direction: 'unknown',
    source: 'own facts',
    window: '90 days',
    description: 'distinct counterparties the entity paid or rated (count)',
  },
  fanInGrowth: {
    family: 'counterparties',
    dimension: 'cashflow',
    direction: 'unknown',
    source: 'own facts',
    window: '2 × 90 days',
    description: 'distinct payers or raters in the last 90 days against the 90 before: (recent − prior) / max(prior, 1) (missing: none in either)',
  },
  fanOutGrowth: {
    family: 'counterparties',
    dimension: 'cashflow',
    direction: 'unknown',
    source: 'own facts',
    window: '2 × 90 days',
    description: 'distinct payees or entities rated in the last 90 days against the 90 before: (recent − prior) / max(prior, 1) (missing: none in either)',
  },
  newCounterpartyShare30: {
    family: 'counterparties',
    dimension: 'cashflow',
    direction: 'riskier',
    source: 'own facts',
    window: '30 days',
    description: 'share of the counterparties of the last 30 days first met in those 30 days, 0..1',
  },
  newCounterpartyShare90: {
    family: 'counterparties',
    dimension: 'cashflow',
    direction: 'riskier',
    source: 'own facts',
    window: '90 days',
    description: 'share of the counterparties of the last 90 days first met in those 90 days, 0..1',
  },
  reciprocity: {
    family: 'counterparties',
    dimension: 'cashflow',
    direction: 'unknown',
    source: 'own facts',
    window: null,
    description: 'share of counterparties with events in both directions, 0..1',
  },
  concentration: {
    family: 'counterparties',
    dimension: 'network',
    direction: 'riskier',
    source: 'own facts',
    window: '365 days',
    description: 'Herfindahl index of inflow by payer, 0..1',
  },
  badCounterpartyShare: {
    family: 'quality',
    dimension: 'counterparty',
    direction: 'riskier',
    source: 'counterparties',
    window: null,
    description: 'share of counterparties that are bad (flagged, defaulted, or mostly adversely reported by others), 0..1',
  },
  counterpartyAdverseShare: {
    family: 'quality',
    dimension: 'counterparty',
    direction: 'riskier',
    source: 'counterparties',
    window: null,
    description:
      'mean outcome of the counterparties’ other relationships: per counterparty, the adverse share of the outcomes known about it from others (ratings received from others than the entity, loans defaulted against repaid, flags as adverse), averaged over the counterparties with any, 0..1 (missing: none known)',
  },
  counterpartyTenureDays: {
    family: 'quality',
    dimension: 'counterparty',
    direction: 'safer',
    source: 'counterparties',
    window: null,
    description: 'median over counterparties of the days since their first payment or rating (missing: no counterparty); new accounts dealing with new accounts is how mule and sybil rings look',
  },
  nearestBadHops: {
    family: 'quality',
    dimension: 'counterparty',
    direction: 'safer',
    source: 'metrics run',
    window: null,
    description: 'hops to the nearest other bad entity (missing: none within 3)',
  },
  counterpartyRisk: {
    family: 'quality',
    dimension: 'counterparty',
    direction: 'riskier',
    source: 'metrics run',
    window: null,
    description: 'volume-weighted exposure of counterparties, 0..1',
  },
  exposure: {
    family: 'quality',
    dimension: 'counterparty',
    direction: 'riskier',
    source: 'metrics run',
    window: null,
    description: 'exposure to bad entities (personalised PageRank from them), percentile 0..1',
  },
  exposureNorm: {
    family: 'quality',
    dimension: 'counterparty',
    direction: 'riskier',
    source: 'metrics run',
    window: null,
    description:
      'degree-normalised exposure: exposure divided by (bad entities × the entity’s stationary share π = weighted degree / total weighted degree); 1 = what a random walk would bring, so hubs are not exposed for being hubs (missing: no relationships or no bad entity)',
  },
  loansRepaid: {
    family: 'history',
    dimension: 'repayment',
    direction: 'safer',
    source: 'own facts',
    window: null,
    description: 'loans repaid (count)',
  },
  loansLate: {
    family: 'history',
    dimension: 'repayment',
    direction: 'riskier',
    source: 'own facts',
    window: null,
    description: 'loans past their due date and not repaid or defaulted by then (count)',
  },
  loansDefaulted: {
    family: 'history',
    dimension: 'repayment',
    direction: 'riskier',
    source: 'own facts',
    window: null,
    description: 'loans defaulted (count)',
  },
  reportedCount: {
    family: 'history',
    dimension: 'repayment',
    direction: 'safer',
    source: 'counterparties',
    window: null,
    description: 'outcomes reported by counterparties (ratings received; count)',
  },
  reportedNegativeShare: {
    family: 'history',
    dimension: 'repayment',
    direction: 'riskier',
    source: 'counterparties',
    window: null,
    description: 'share of reported outcomes that are adverse, 0..1 (missing: none reported)',
  },
  givenAdverseShare: {
    family: 'history',
    dimension: 'repayment',
    direction: 'unknown',
    source: 'own facts',
    window: null,
    description: 'share of the outcomes the entity reported about its counterparties (ratings given) that are adverse, 0..1 (missing: none reported)',
  },
  flags: {
    family: 'history',
    dimension: 'repayment',
    direction: 'riskier',
    source: 'own facts',
    window: null,
    description: 'fraud or analyst flags (count)',
  },
  pagerankPct: {
    family: 'network',
    dimension: 'network',
    direction: 'safer',
    source: 'metrics run',
    window: null,
    description: 'PageRank percentile, 0..1',
  },
  betweenness: {
    family: 'network',
    dimension: 'network',
    direction: 'unknown',
    source: 'metrics run',
    window: null,
    description: 'normalised betweenness centrality, 0..1',
  },
  communityRisk: {
    family: 'community',
    dimension: 'community',
    direction: 'riskier',
    source: 'metrics run',
    window: null,
    description: 'smoothed bad rate of the entity’s community (the entity itself left out) over the overall bad rate (ratio)',
  },
  communitySize: {
    family: 'community',
    dimension: 'community',
    direction: 'unknown',
    source: 'metrics run',
    window: null,
    description: 'members of the community (count)',
  },
} as const satisfies Record<string, FeatureSpec>;

export type FeatureName = keyof typeof FEATURE_SPECS;
export const FEATURE_NAMES = Object.keys(FEATURE_SPECS) as FeatureName[];
export const FEATURE_SCHEMA_VERSION = 'features/3';

/** Position of each feature in a stored vector. */
export const FEATURE_INDEX: Readonly<Record<FeatureName, number>> = Object.fromEntries(
  FEATURE_NAMES.map((name, i) => [name, i]),
) as Record<FeatureName, number>;
