/**
 * An entity's features for scoring: the vector stored with the run in service (one seek, the usual
 * path), or — for a date in the past, or an entity with no stored vector yet — computed here from its
 * facts read around it (src/db/local-facts-repository.ts) by the same pure feature code, with the
 * network values of the run in service.
 */
import type { Database } from '../db/driver.js';
import { readRunSignals, type StoredFeatures } from '../db/feature-store-repository.js';
import { readLocalSnapshot } from '../db/local-facts-repository.js';
import { computeFeatures } from '../features/compute-features.js';
import type { FeatureEvidence } from '../features/evidence.js';
import { rowToRecord } from '../features/feature-writer.js';
import type { Features } from '../scoring/features.js';

/** Features with the date they describe. */
export interface DatedFeatures extends Features {
  /** The as-of date of the facts behind them (epoch ms). */
  readonly asOfMs: number;
}

/** A stored vector as scoring reads it. */
export function fromStored(row: Extract<StoredFeatures, { status: 'stored' }>): DatedFeatures {
  return {
    entityId: row.id,
    values: rowToRecord(row.values),
    evidence: JSON.parse(row.evidence) as FeatureEvidence,
    asOfMs: row.asOfMs,
  };
}

/**
 * Features of the existing entities among `ids` as of `asOfMs`, from their facts before it and the
 * network values of run `runId` (none when null); unknown ids are absent from the map.
 */
export async function computeEntityFeatures(
  db: Database,
  ids: readonly string[],
  asOfMs: number,
  runId: string | null,
  timeoutMs?: number,
): Promise<Map<string, DatedFeatures>> {
  const [local, signals] = await Promise.all([
    readLocalSnapshot(db, ids, asOfMs, timeoutMs),
    runId ? readRunSignals(db, runId, ids, timeoutMs) : Promise.resolve(new Map()),
  ]);
  const present = [...local.focus.entries()];
  const focus = Uint32Array.from(present, ([, v]) => v);
  const byIndex = new Map(present.map(([id, v]) => [v, signals.get(id) ?? null]));
  const batch = computeFeatures(local.snapshot, asOfMs, (v) => byIndex.get(v) ?? null, focus);
  return new Map(
    present.map(([id], k) => [id, { entityId: id, values: rowToRecord(batch.values, k), evidence: batch.evidence[k]!, asOfMs }]),
  );
}
