/**
 * Turns the raw signals read for one entity (counts, sums, run metrics, evidence) into the feature
 * vector. Every fact in `RawEntitySignals` is already restricted to before the scoring date (the read
 * filters by `asOf`), so features never see the future.
 */
import { emptyFeatureVector, type FeatureEvidence, type Features } from './features.js';

const DAY_MS = 86_400_000;

export interface WindowFlows {
  readonly inCount30: number;
  readonly inCount90: number;
  readonly inCount365: number;
  readonly outCount30: number;
  readonly outCount90: number;
  readonly outCount365: number;
  readonly inAmount30: number;
  readonly inAmount90: number;
  readonly inAmount365: number;
  readonly outAmount30: number;
  readonly outAmount90: number;
  readonly outAmount365: number;
  /** Events (either direction) in (asOf − 180 d, asOf − 90 d]. */
  readonly priorCount90: number;
}

/** Per-run metrics of the entity (null when the entity was not in the run). */
export interface RunSignals {
  readonly pagerankPct: number | null;
  readonly degree: number | null;
  readonly betweenness: number | null;
  readonly concentration: number | null;
  readonly counterpartyRisk: number | null;
  readonly exposure: number | null;
  readonly communityId: string | null;
  /** Smoothed bad rate of the community, 0..1. */
  readonly communityBadRate: number | null;
  readonly communitySize: number | null;
  /** Bad rate over all entities of the run, 0..1. */
  readonly overallBadRate: number | null;
}

export interface RawEntitySignals {
  readonly entityId: string;
  /** The scoring date (epoch ms); everything below is dated strictly before it. */
  readonly asOfMs: number;
  readonly flows: WindowFlows;
  /** Times of the most recent events, either direction, ascending (epoch ms). */
  readonly eventTimesMs: readonly number[];
  readonly firstActivityMs: number | null;
  readonly lastActivityMs: number | null;
  /** Distinct counterparties in the last 365 days. */
  readonly counterparties: number;
  /** Inflow per payer over the last 365 days (minor units), any order. */
  readonly payerAmounts: ReadonlyArray<{ readonly id: string; readonly amount: number }>;
  readonly run: RunSignals | null;
  readonly loans: FeatureEvidence['loans'];
  readonly reported: FeatureEvidence['reported'];
  readonly flagReasons: readonly string[];
  /** Counterparties (all time before asOf) and those of them that are bad or negatively reported by others. */
  readonly counterpartiesEver: number;
  readonly badCounterparties: readonly string[];
  readonly badCounterpartyCount: number;
  readonly nearestBad: { readonly id: string; readonly path: readonly string[] } | null;
}

/** Regularity of activity: 1 / (1 + coefficient of variation of the gaps between events); null under 3 events. */
export function regularityOf(timesMs: readonly number[]): number | null {
  if (timesMs.length < 3) return null;
  const sorted = [...timesMs].sort((a, b) => a - b);
  const gaps = sorted.slice(1).map((t, i) => t - sorted[i]!);
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  if (mean <= 0) return 0;
  const variance = gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length;
  return 1 / (1 + Math.sqrt(variance) / mean);
}

/** Herfindahl index of shares (0..1) and the largest share with its id. */
export function herfindahl(parts: ReadonlyArray<{ readonly id: string; readonly amount: number }>): {
  hhi: number | null;
  top: { id: string; share: number } | null;
} {
  const positive = parts.filter((p) => p.amount > 0);
  const total = positive.reduce((s, p) => s + p.amount, 0);
  if (total <= 0) return { hhi: null, top: null };
  let top = positive[0]!;
  let hhi = 0;
  for (const p of positive) {
    hhi += (p.amount / total) ** 2;
    if (p.amount > top.amount || (p.amount === top.amount && p.id < top.id)) top = p;
  }
  return { hhi, top: { id: top.id, share: top.amount / total } };
}

function communityRatio(run: RunSignals | null): number | null {
  if (!run || run.communityBadRate === null || run.overallBadRate === null || run.overallBadRate <= 0)
    return null;
  return run.communityBadRate / run.overallBadRate;
}

function evidenceOf(raw: RawEntitySignals, top: { id: string; share: number } | null): FeatureEvidence {
  const run = raw.run;
  const hasCommunity = run && run.communityId !== null && run.communityBadRate !== null;
  return {
    topPayer: top,
    community: hasCommunity
      ? {
          id: run.communityId!,
          badRate: run.communityBadRate!,
          overallBadRate: run.overallBadRate ?? 0,
          size: run.communitySize ?? 0,
        }
      : null,
    nearestBad: raw.nearestBad ? { ...raw.nearestBad, hops: raw.nearestBad.path.length - 1 } : null,
    badCounterparties: raw.badCounterparties,
    loans: raw.loans,
    reported: raw.reported,
    flagReasons: raw.flagReasons,
    lastActivityAt: raw.lastActivityMs === null ? null : new Date(raw.lastActivityMs).toISOString(),
  };
}

/** The features of one entity. */
export function deriveFeatures(raw: RawEntitySignals): Features {
  const f = raw.flows;
  const v = emptyFeatureVector();
  Object.assign(v, {
    inCount30: f.inCount30,
    inCount90: f.inCount90,
    inCount365: f.inCount365,
    outCount30: f.outCount30,
    outCount90: f.outCount90,
    outCount365: f.outCount365,
    inAmount30: f.inAmount30,
    inAmount90: f.inAmount90,
    inAmount365: f.inAmount365,
    outAmount30: f.outAmount30,
    outAmount90: f.outAmount90,
    outAmount365: f.outAmount365,
  });
  v.netInflow90 = f.inAmount90 - f.outAmount90;
  v.regularity = regularityOf(raw.eventTimesMs);
  v.tenureDays =
    raw.firstActivityMs === null ? null : Math.max(0, (raw.asOfMs - raw.firstActivityMs) / DAY_MS);
  v.daysSinceActivity =
    raw.lastActivityMs === null ? null : Math.max(0, (raw.asOfMs - raw.lastActivityMs) / DAY_MS);
  const recent = f.inCount90 + f.outCount90;
  v.growth = recent + f.priorCount90 === 0 ? null : (recent - f.priorCount90) / Math.max(f.priorCount90, 1);
  v.counterparties = raw.counterparties;
  const { hhi, top } = herfindahl(raw.payerAmounts);
  const run = raw.run;
  v.pagerankPct = run?.pagerankPct ?? null;
  v.degree = run?.degree ?? null;
  v.betweenness = run?.betweenness ?? null;
  v.concentration = hhi ?? run?.concentration ?? null;
  v.counterpartyRisk = run?.counterpartyRisk ?? null;
  v.exposure = run?.exposure ?? null;
  v.communityRisk = communityRatio(run);
  v.communitySize = run?.communitySize ?? null;
  v.badCounterpartyShare =
    raw.counterpartiesEver > 0 ? raw.badCounterpartyCount / raw.counterpartiesEver : null;
  v.nearestBadHops = raw.nearestBad ? raw.nearestBad.path.length - 1 : null;
  v.loansRepaid = raw.loans.repaid;
  v.loansLate = raw.loans.late;
  v.loansDefaulted = raw.loans.defaulted;
  const reports = raw.reported.positive + raw.reported.negative;
  v.reportedCount = reports;
  v.reportedNegativeShare = reports > 0 ? raw.reported.negative / reports : null;
  v.flags = raw.flagReasons.length;
  return { entityId: raw.entityId, values: v, evidence: evidenceOf(raw, top) };
}
