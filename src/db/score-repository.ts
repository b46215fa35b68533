/**
 * Reads for scoring: one statement returns every raw signal of a batch of entities as of a date
 * (facts before it, metrics of one run), plus entity profiles, loan-outcome labels and segments.
 */
import type { RawEntitySignals, RunSignals } from '../scoring/derive-features.js';
import { defineQueries } from './cypher-loader.js';
import type { Database } from './driver.js';

const Q = defineQueries({
  signals: 'score/get-entity-signals',
  entity: 'score/get-entity',
  outcomes: 'score/list-loan-outcomes',
  segments: 'score/get-entity-segments',
  latest: 'score/get-latest-activity',
  ratingBalance: 'score/list-rating-balance',
  ratedBy: 'score/list-rated-by',
});

/** Ratings hidden from the read (evaluation protocols): a→b is hidden when b ∈ targets and (all sources or a ∈ sources). */
export interface RatingMask {
  readonly targets: readonly string[];
  readonly sources: readonly string[] | 'all';
}

export const NO_MASK: RatingMask = { targets: [], sources: [] };

export interface SignalQuery {
  readonly asOfMs: number;
  /** A run id, or null for the current complete run. */
  readonly runId: string | null;
  readonly mask?: RatingMask;
}

/** The run the signals came from. */
export interface RunInfo {
  readonly id: string;
  readonly finishedAt: string | null;
}

export interface EntitySignals {
  readonly raw: RawEntitySignals;
  readonly run: RunInfo | null;
  readonly region: string | null;
  readonly sector: string | null;
}

type Props = Record<string, unknown> | null;

interface SignalRow {
  id: string;
  region: string | null;
  sector: string | null;
  openedAtMs: number | null;
  flows: RawEntitySignals['flows'];
  times: number[];
  firstMs: number | null;
  lastMs: number | null;
  counterparties365: number;
  counterpartiesEver: number;
  payers: Array<{ id: string; amount: number }>;
  badCounterparties: string[];
  badCounterpartyCount: number;
  loans: RawEntitySignals['loans'];
  reported: RawEntitySignals['reported'];
  flagReasons: string[];
  nearestBadPath: string[] | null;
  metrics: Props;
  community: Props;
  run: Props;
}

function num(props: Props, ...keys: string[]): number | null {
  for (const k of keys) {
    const v = props?.[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return null;
}

function str(props: Props, key: string): string | null {
  const v = props?.[key];
  return v === null || v === undefined ? null : String(v);
}

/** Percentiles may be stored as 0..1 or 0..100. */
function unit(x: number | null): number | null {
  return x === null ? null : x > 1 ? x / 100 : x;
}

function runSignals(row: SignalRow): RunSignals | null {
  const m = row.metrics;
  if (!m) return null;
  const degree = num(m, 'degree') ?? sumOrNull(num(m, 'degreeIn'), num(m, 'degreeOut'));
  return {
    pagerankPct: unit(num(m, 'pagerankPct')),
    degree,
    betweenness: num(m, 'betweenness'),
    concentration: num(m, 'concentration', 'concentrationIn'),
    counterpartyRisk: num(m, 'counterpartyRisk'),
    exposure: num(m, 'exposurePct') === null ? num(m, 'exposure') : unit(num(m, 'exposurePct')),
    communityId: str(m, 'community'),
    communityBadRate: num(m, 'communityRisk') ?? num(row.community, 'risk'),
    communitySize: num(row.community, 'size'),
    overallBadRate: num(row.run, 'badRate', 'prior') ?? badRateOfCounts(row.run?.counts),
  };
}

/** A run's `counts` (a JSON string or map with `bad` and `entities`) as the overall bad rate. */
function badRateOfCounts(counts: unknown): number | null {
  let c: unknown = counts;
  if (typeof c === 'string') {
    try {
      c = JSON.parse(c);
    } catch {
      return null;
    }
  }
  const bad = (c as { bad?: unknown } | null)?.bad;
  const entities = (c as { entities?: unknown } | null)?.entities;
  return typeof bad === 'number' && typeof entities === 'number' && entities > 0 ? bad / entities : null;
}

function sumOrNull(a: number | null, b: number | null): number | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}

function toSignals(row: SignalRow, asOfMs: number): EntitySignals {
  const firstMs =
    row.openedAtMs !== null && (row.firstMs === null || row.openedAtMs < row.firstMs)
      ? row.openedAtMs
      : row.firstMs;
  const raw: RawEntitySignals = {
    entityId: row.id,
    asOfMs,
    flows: row.flows,
    eventTimesMs: [...row.times].reverse(),
    firstActivityMs: firstMs !== null && firstMs < asOfMs ? firstMs : row.firstMs,
    lastActivityMs: row.lastMs,
    counterparties: row.counterparties365,
    payerAmounts: row.payers,
    run: runSignals(row),
    loans: row.loans,
    reported: row.reported,
    flagReasons: row.flagReasons,
    counterpartiesEver: row.counterpartiesEver,
    badCounterparties: row.badCounterparties,
    badCounterpartyCount: row.badCounterpartyCount,
    nearestBad: row.nearestBadPath
      ? { id: row.nearestBadPath[row.nearestBadPath.length - 1]!, path: row.nearestBadPath }
      : null,
  };
  const run = row.run ? { id: String(row.run.id), finishedAt: str(row.run, 'finishedAt') } : null;
  return { raw, run, region: row.region, sector: row.sector };
}

/** Raw signals of each existing entity among `ids` (unknown ids are simply absent). */
export async function readEntitySignals(
  db: Database,
  ids: readonly string[],
  q: SignalQuery,
): Promise<EntitySignals[]> {
  const rows = await db.readRows<SignalRow>(Q.signals, {
    ids,
    asOfMs: q.asOfMs,
    runId: q.runId,
    ...maskParams(q.mask ?? NO_MASK),
  });
  return rows.map((r) => toSignals(r, q.asOfMs));
}

export interface EntityProfile {
  readonly id: string;
  readonly kind: string | null;
  readonly sector: string | null;
  readonly region: string | null;
  readonly openedAt: string | null;
  readonly minimal: boolean;
  readonly counts: Record<string, number>;
  readonly runId: string | null;
  readonly metrics: Record<string, unknown> | null;
}

export async function getEntityProfile(db: Database, id: string): Promise<EntityProfile | undefined> {
  const [row] = await db.readRows<EntityProfile>(Q.entity, { id });
  return row;
}

export interface LoanOutcome {
  readonly id: string;
  readonly bad: boolean;
  readonly region: string | null;
  readonly sector: string | null;
}

/** Borrowers labelled by loan outcomes within [asOf, asOf + horizon); ids filtered by prefix ('' = all). */
export async function listLoanOutcomes(
  db: Database,
  asOfMs: number,
  horizonMs: number,
  prefix = '',
): Promise<LoanOutcome[]> {
  return db.readRows<LoanOutcome>(Q.outcomes, { asOfMs, horizonMs, prefix });
}

export async function getEntitySegments(
  db: Database,
  ids: readonly string[],
): Promise<Array<{ id: string; region: string | null; sector: string | null }>> {
  return db.readRows(Q.segments, { ids });
}

/** Time of the latest payment or rating (epoch ms), or null for an empty graph. */
export async function getLatestActivityMs(db: Database, prefix = ''): Promise<number | null> {
  const [row] = await db.readRows<{ latestMs: number | null }>(Q.latest, { prefix });
  return row?.latestMs ?? null;
}

function maskParams(mask: RatingMask) {
  return {
    maskTargets: mask.targets,
    maskSources: mask.sources === 'all' ? [] : mask.sources,
    maskAllSources: mask.sources === 'all',
  };
}

/** Visible received ratings of entities (with the prefix) that received at least one negative one. */
export async function listRatingBalance(
  db: Database,
  prefix: string,
  mask: RatingMask,
): Promise<Array<{ id: string; positive: number; negative: number }>> {
  return db.readRows(Q.ratingBalance, { prefix, ...maskParams(mask) });
}

/** Entities that `authority` rated at least `minRating`. */
export async function listRatedBy(db: Database, authority: string, minRating: number): Promise<string[]> {
  return (await db.readRows<{ id: string }>(Q.ratedBy, { authority, minRating })).map((r) => r.id);
}
