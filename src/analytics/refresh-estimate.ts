/**
 * How much memory and time a metrics refresh of a graph will take, from the graph's counts alone
 * (as Neo4j GDS estimates a projection before running it), so an operator can see it before a run
 * and a run can refuse to start when it would not fit. Pure: counts and a model in, numbers out.
 *
 * Memory is the worker process's peak: the process itself, the snapshot it holds for the whole run
 * (entity ids, trading edges as parallel typed arrays, the facts: payment events, ratings, loans,
 * flags), and the larger of the analytics peak (CSR graphs in shared memory while they are built,
 * per-entity result arrays) and the write-back (one row object per entity). Time is the sum of the
 * stages, each linear in what it reads or computes; betweenness scales with its sample size,
 * r ∝ (1/ε²)·(⌊log2(VD − 2)⌋ + 1 + ln(1/δ)), with the vertex-diameter bound VD taken as typical of
 * payment graphs. The coefficients were fitted on this project's measurements (docs/operations.md).
 */
import { sampleSize } from './betweenness-sampling.js';

/** What a refresh reads: entities, trading relationships by type, and the fact events. */
export interface GraphCounts {
  readonly entities: number;
  /** PAYS relationships (one per payer, payee and currency). */
  readonly pays: number;
  readonly supplies: number;
  /** RATED relationships (one per rating event). */
  readonly rated: number;
  /** PAID events. */
  readonly paid: number;
  readonly loans: number;
  readonly flags: number;
}

export interface EstimateSettings {
  readonly betweennessEpsilon: number;
  readonly betweennessDelta: number;
  readonly betweennessExactMaxNodes: number;
}

/** Bytes and seconds per unit; see docs/operations.md for where each comes from. */
export interface EstimateModel {
  readonly baseMb: number;
  readonly bytesPerEntity: number;
  readonly bytesPerEdge: number;
  readonly bytesPerPaid: number;
  readonly bytesPerRating: number;
  readonly bytesPerLoan: number;
  readonly bytesPerFlag: number;
  /** Analytics peak on top of the snapshot, per edge and per entity. */
  readonly analyticsBytesPerEdge: number;
  readonly analyticsBytesPerEntity: number;
  /** Write-back rows per entity. */
  readonly writeBytesPerEntity: number;
  readonly snapshotSecondsPerEntity: number;
  readonly snapshotSecondsPerEdge: number;
  readonly snapshotSecondsPerEvent: number;
  readonly analyticsSecondsPerEdge: number;
  readonly analyticsSecondsPerEntity: number;
  /** Betweenness: seconds per sampled pair per √edge (a bidirectional search meets after ~√m visits). */
  readonly betweennessSecondsPerPairRootEdge: number;
  /** Exact betweenness (small graphs): seconds per source per edge. */
  readonly exactSecondsPerNodeEdge: number;
  readonly writeSecondsPerEntity: number;
  /** Vertex-diameter bound assumed for the sample size. */
  readonly typicalVertexDiameter: number;
}

export const ESTIMATE_MODEL: EstimateModel = {
  baseMb: 220,
  bytesPerEntity: 120,
  bytesPerEdge: 41,
  bytesPerPaid: 38,
  bytesPerRating: 30,
  bytesPerLoan: 160,
  bytesPerFlag: 30,
  analyticsBytesPerEdge: 60,
  analyticsBytesPerEntity: 420,
  writeBytesPerEntity: 900,
  snapshotSecondsPerEntity: 2.5e-5,
  snapshotSecondsPerEdge: 1.5e-5,
  snapshotSecondsPerEvent: 6e-6,
  analyticsSecondsPerEdge: 4e-6,
  analyticsSecondsPerEntity: 1e-5,
  betweennessSecondsPerPairRootEdge: 4e-8,
  exactSecondsPerNodeEdge: 2e-8,
  writeSecondsPerEntity: 1e-4,
  typicalVertexDiameter: 24,
};

export interface StageEstimate {
  readonly stage: 'snapshot' | 'analytics' | 'write-back';
  readonly seconds: number;
  /** Process memory while the stage runs (MB). */
  readonly memoryMb: number;
}

export interface RefreshEstimate {
  /** Peak resident memory of the worker process (MB). */
  readonly memoryMb: number;
  readonly seconds: number;
  readonly stages: readonly StageEstimate[];
}

const MB = 2 ** 20;

/** The estimate of a full refresh of a graph with `counts`. */
export function estimateRefresh(counts: GraphCounts, settings: EstimateSettings, model: EstimateModel = ESTIMATE_MODEL): RefreshEstimate {
  for (const [k, v] of Object.entries(counts)) {
    if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`count ${k} must be a non-negative number, got ${v}`);
  }
  const n = counts.entities;
  const edges = counts.pays + counts.supplies + counts.rated;
  const events = counts.paid + counts.rated;
  const snapshotMb =
    model.baseMb +
    (n * model.bytesPerEntity + edges * model.bytesPerEdge + counts.paid * model.bytesPerPaid + counts.rated * model.bytesPerRating + counts.loans * model.bytesPerLoan + counts.flags * model.bytesPerFlag) / MB;
  const analyticsMb = snapshotMb + (edges * model.analyticsBytesPerEdge + n * model.analyticsBytesPerEntity) / MB;
  const writeMb = snapshotMb + (n * (model.analyticsBytesPerEntity / 2 + model.writeBytesPerEntity)) / MB;
  const sampled = n > settings.betweennessExactMaxNodes;
  const pairs = sampled ? sampleSize(settings.betweennessEpsilon, settings.betweennessDelta, model.typicalVertexDiameter) : 0;
  const betweenness = sampled ? pairs * Math.sqrt(edges) * model.betweennessSecondsPerPairRootEdge : n * edges * model.exactSecondsPerNodeEdge;
  const stages: StageEstimate[] = [
    { stage: 'snapshot', seconds: n * model.snapshotSecondsPerEntity + edges * model.snapshotSecondsPerEdge + events * model.snapshotSecondsPerEvent, memoryMb: snapshotMb },
    { stage: 'analytics', seconds: edges * model.analyticsSecondsPerEdge + n * model.analyticsSecondsPerEntity + betweenness, memoryMb: analyticsMb },
    { stage: 'write-back', seconds: n * model.writeSecondsPerEntity, memoryMb: writeMb },
  ];
  return {
    memoryMb: Math.max(...stages.map((s) => s.memoryMb)),
    seconds: stages.reduce((a, s) => a + s.seconds, 0),
    stages,
  };
}

/** Why a run with this estimate may not start under `maxMemoryMb`, or null when it fits. */
export function refusalReason(estimate: RefreshEstimate, maxMemoryMb: number): string | null {
  if (estimate.memoryMb <= maxMemoryMb) return null;
  return (
    `the refresh would need about ${Math.ceil(estimate.memoryMb)} MB of memory, over the configured ` +
    `METRICS_MAX_MEMORY_MB of ${maxMemoryMb} MB; raise METRICS_MAX_MEMORY_MB on a machine with more memory, ` +
    `or refresh a scope (--scope PREFIX)`
  );
}
