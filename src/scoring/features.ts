/**
 * The scoring features: one numeric value per name (null = missing), plus the evidence an analyst can
 * check behind them. Every feature names the dimension it belongs to and its known risk direction.
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

export interface FeatureSpec {
  readonly dimension: Dimension;
  readonly direction: RiskDirection;
  /** What it measures, with units. */
  readonly description: string;
}

/** Every feature, in a stable order. Amounts are integer minor units; windows end at the scoring date. */
export const FEATURE_SPECS = {
  inCount30: {
    dimension: 'cashflow',
    direction: 'safer',
    description: 'payments and trades received, last 30 days (count)',
  },
  inCount90: {
    dimension: 'cashflow',
    direction: 'safer',
    description: 'payments and trades received, last 90 days (count)',
  },
  inCount365: {
    dimension: 'cashflow',
    direction: 'safer',
    description: 'payments and trades received, last 365 days (count)',
  },
  outCount30: {
    dimension: 'cashflow',
    direction: 'safer',
    description: 'payments and trades made, last 30 days (count)',
  },
  outCount90: {
    dimension: 'cashflow',
    direction: 'safer',
    description: 'payments and trades made, last 90 days (count)',
  },
  outCount365: {
    dimension: 'cashflow',
    direction: 'safer',
    description: 'payments and trades made, last 365 days (count)',
  },
  inAmount30: {
    dimension: 'cashflow',
    direction: 'safer',
    description: 'inflow, last 30 days (minor units)',
  },
  inAmount90: {
    dimension: 'cashflow',
    direction: 'safer',
    description: 'inflow, last 90 days (minor units)',
  },
  inAmount365: {
    dimension: 'cashflow',
    direction: 'safer',
    description: 'inflow, last 365 days (minor units)',
  },
  outAmount30: {
    dimension: 'cashflow',
    direction: 'unknown',
    description: 'outflow, last 30 days (minor units)',
  },
  outAmount90: {
    dimension: 'cashflow',
    direction: 'unknown',
    description: 'outflow, last 90 days (minor units)',
  },
  outAmount365: {
    dimension: 'cashflow',
    direction: 'unknown',
    description: 'outflow, last 365 days (minor units)',
  },
  netInflow90: {
    dimension: 'cashflow',
    direction: 'safer',
    description: 'inflow minus outflow, last 90 days (minor units)',
  },
  regularity: {
    dimension: 'cashflow',
    direction: 'safer',
    description: 'regularity of activity: 1/(1+CV of gaps between events), 0..1',
  },
  tenureDays: {
    dimension: 'cashflow',
    direction: 'safer',
    description: 'days since the first known activity',
  },
  growth: {
    dimension: 'cashflow',
    direction: 'unknown',
    description: 'activity last 90 days vs the 90 before: (recent-prior)/max(prior,1)',
  },
  counterparties: {
    dimension: 'cashflow',
    direction: 'safer',
    description: 'distinct counterparties, last 365 days (count)',
  },
  pagerankPct: {
    dimension: 'network',
    direction: 'safer',
    description: 'PageRank percentile in the current run, 0..1',
  },
  degree: {
    dimension: 'network',
    direction: 'safer',
    description: 'in-degree + out-degree in the current run (count)',
  },
  betweenness: {
    dimension: 'network',
    direction: 'unknown',
    description: 'normalised betweenness centrality, 0..1',
  },
  concentration: {
    dimension: 'network',
    direction: 'riskier',
    description: 'Herfindahl index of inflow by payer, 0..1',
  },
  counterpartyRisk: {
    dimension: 'counterparty',
    direction: 'riskier',
    description: 'volume-weighted exposure of counterparties, 0..1',
  },
  exposure: {
    dimension: 'counterparty',
    direction: 'riskier',
    description: 'exposure to bad entities (personalised PageRank), 0..1',
  },
  badCounterpartyShare: {
    dimension: 'counterparty',
    direction: 'riskier',
    description: 'share of counterparties that are bad or were reported negatively by others, 0..1',
  },
  nearestBadHops: {
    dimension: 'counterparty',
    direction: 'safer',
    description: 'hops to the nearest other bad entity (null: none within 3)',
  },
  communityRisk: {
    dimension: 'community',
    direction: 'riskier',
    description: 'community bad rate relative to the overall bad rate (ratio)',
  },
  communitySize: {
    dimension: 'community',
    direction: 'unknown',
    description: 'members of the community (count)',
  },
  loansRepaid: {
    dimension: 'repayment',
    direction: 'safer',
    description: 'loans repaid before the scoring date (count)',
  },
  loansLate: {
    dimension: 'repayment',
    direction: 'riskier',
    description: 'loans late at the scoring date (count)',
  },
  loansDefaulted: {
    dimension: 'repayment',
    direction: 'riskier',
    description: 'loans defaulted before the scoring date (count)',
  },
  reportedNegativeShare: {
    dimension: 'repayment',
    direction: 'riskier',
    description: 'share of counterparty reports (ratings, invoices) that are adverse, 0..1',
  },
  reportedCount: {
    dimension: 'repayment',
    direction: 'safer',
    description: 'outcomes reported by counterparties (count)',
  },
  flags: {
    dimension: 'repayment',
    direction: 'riskier',
    description: 'confirmed fraud or analyst flags (count)',
  },
  daysSinceActivity: {
    dimension: 'cashflow',
    direction: 'riskier',
    description: 'days since the last activity',
  },
} as const satisfies Record<string, FeatureSpec>;

export type FeatureName = keyof typeof FEATURE_SPECS;
export const FEATURE_NAMES = Object.keys(FEATURE_SPECS) as FeatureName[];

/** One value per feature; null when it cannot be computed (no data). */
export type FeatureVector = Readonly<Record<FeatureName, number | null>>;

/** The facts behind the features that reasons cite. Ids are entity ids as stored. */
export interface FeatureEvidence {
  /** The payer with the largest share of 365-day inflow. */
  readonly topPayer: { readonly id: string; readonly share: number } | null;
  readonly community: {
    readonly id: string;
    readonly badRate: number;
    readonly overallBadRate: number;
    readonly size: number;
  } | null;
  /** Shortest path to a bad entity (ids from this entity to the bad one, inclusive). */
  readonly nearestBad: {
    readonly id: string;
    readonly hops: number;
    readonly path: readonly string[];
  } | null;
  /** Counterparties that are bad or reported negatively by others (a few ids). */
  readonly badCounterparties: readonly string[];
  readonly loans: {
    readonly repaid: number;
    readonly late: number;
    readonly defaulted: number;
    readonly current: number;
  };
  readonly reported: {
    readonly negative: number;
    readonly positive: number;
    readonly worstBy: string | null;
  };
  readonly flagReasons: readonly string[];
  readonly lastActivityAt: string | null;
}

/** Everything scoring needs about one entity. */
export interface Features {
  readonly entityId: string;
  readonly values: FeatureVector;
  readonly evidence: FeatureEvidence;
}

/** A vector with every feature missing (a start for builders and tests). */
export function emptyFeatureVector(): Record<FeatureName, number | null> {
  return Object.fromEntries(FEATURE_NAMES.map((n) => [n, null])) as Record<FeatureName, number | null>;
}

/** Evidence with nothing known. */
export function emptyEvidence(): FeatureEvidence {
  return {
    topPayer: null,
    community: null,
    nearestBad: null,
    badCounterparties: [],
    loans: { repaid: 0, late: 0, defaulted: 0, current: 0 },
    reported: { negative: 0, positive: 0, worstBy: null },
    flagReasons: [],
    lastActivityAt: null,
  };
}
