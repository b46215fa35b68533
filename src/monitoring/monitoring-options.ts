/**
 * Every setting of post-loan monitoring and its default. docs/monitoring.md states the same values;
 * a run records the options it used with its parameters.
 */

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** Alert codes, in the order an arrival is classified (the first that applies wins). */
export const ALERT_CODES = ['ROUND_TRIP', 'FUNDS_TO_BAD', 'LOAN_STACKING', 'NO_PRIOR_RELATIONSHIP'] as const;
export type AlertCode = (typeof ALERT_CODES)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Share of the disbursed amount (0–1) from which an alert of a code is raised, and from which it is
 * medium and high. A share below `raise` raises nothing; between `raise` and `medium` it is low.
 */
export interface SeverityBands {
  readonly raise: number;
  readonly medium: number;
  readonly high: number;
}

export interface LimitPolicyOptions {
  /** Weeks of the recent behaviour compared with the baseline (trailing, ending at the week). */
  readonly recentWeeks: number;
  /** Bounds of the inflow ratio (recent ÷ baseline weekly inflow) used as a factor. */
  readonly inflowFactorMin: number;
  readonly inflowFactorMax: number;
  /** Factor per top customer lost. */
  readonly perLostCustomer: number;
  /** Factor = 1 − slope × increase (floored at 1 − maxCut) for bad exposure and community risk. */
  readonly badExposureSlope: number;
  readonly communityRiskSlope: number;
  readonly maxCut: number;
  /** Factor cap while an alert of each severity is open (high: 0 freezes the limit). */
  readonly alertCap: Readonly<Record<Severity, number>>;
  /** Limits are rounded down to a multiple of this (minor units). */
  readonly roundTo: number;
}

export interface MonitoringOptions {
  /** Days after disbursement whose payments are traced (all hops end within them). */
  readonly windowDays: number;
  /** Days of an entity's payments before loan money first reaches it that make up its own balance. */
  readonly lookbackDays: number;
  /** Hops followed from the borrower (1 = the borrower's payees only). */
  readonly maxHops: number;
  /** Loan money in one piece below this share of the disbursement is not followed further. */
  readonly minFollowShare: number;
  /** A lender payment counts as the disbursement from this many days before `openedAt` … */
  readonly disbursementBeforeDays: number;
  /** … to this many days after it. */
  readonly disbursementAfterDays: number;
  readonly bands: Readonly<Record<AlertCode, SeverityBands>>;
  /** Weeks before origination that make up the behaviour baseline. */
  readonly baselineWeeks: number;
  /** Most weeks after origination kept in a behaviour series (the latest ones). */
  readonly maxSeriesWeeks: number;
  /** Largest customers (by amount paid in the baseline) watched for stopping. */
  readonly topCustomers: number;
  /** A watched customer with no payment for this many weeks is lost. */
  readonly lostAfterWeeks: number;
  /** Pseudo-members of the smoothed community bad rate (as the metrics run). */
  readonly riskSmoothing: number;
  readonly limit: LimitPolicyOptions;
}

export const MONITORING_DEFAULTS: MonitoringOptions = Object.freeze({
  windowDays: 30,
  lookbackDays: 30,
  maxHops: 3,
  minFollowShare: 0.01,
  disbursementBeforeDays: 7,
  disbursementAfterDays: 30,
  bands: Object.freeze({
    FUNDS_TO_BAD: { raise: 0.05, medium: 0.05, high: 0.25 },
    ROUND_TRIP: { raise: 0.05, medium: 0.2, high: 0.5 },
    LOAN_STACKING: { raise: 0.05, medium: 0.2, high: 0.5 },
    NO_PRIOR_RELATIONSHIP: { raise: 0.5, medium: 0.8, high: 2 },
  }),
  baselineWeeks: 12,
  maxSeriesWeeks: 52,
  topCustomers: 5,
  lostAfterWeeks: 6,
  riskSmoothing: 5,
  limit: Object.freeze({
    recentWeeks: 4,
    inflowFactorMin: 0.25,
    inflowFactorMax: 1.25,
    perLostCustomer: 0.9,
    badExposureSlope: 2,
    communityRiskSlope: 2,
    maxCut: 0.5,
    alertCap: Object.freeze({ low: 0.8, medium: 0.5, high: 0 }),
    roundTo: 100,
  }),
});

/** Options over the defaults (nested `bands` and `limit` merged one level deep). */
export function monitoringOptions(overrides: Partial<MonitoringOptions> = {}): MonitoringOptions {
  return {
    ...MONITORING_DEFAULTS,
    ...overrides,
    bands: { ...MONITORING_DEFAULTS.bands, ...overrides.bands },
    limit: { ...MONITORING_DEFAULTS.limit, ...overrides.limit },
  };
}

/** The severity of an alert of `code` moving `share` of the disbursement; null when below `raise`. */
export function severityOf(bands: SeverityBands, share: number): Severity | null {
  if (!(share >= bands.raise)) return null;
  if (share >= bands.high) return 'high';
  return share >= bands.medium ? 'medium' : 'low';
}

/** 3 for high, 2 for medium, 1 for low (sorting: most severe first). */
export const severityRank = (s: Severity): number => (s === 'high' ? 3 : s === 'medium' ? 2 : 1);
