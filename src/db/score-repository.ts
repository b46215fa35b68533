/**
 * Reads for the entity routes and model validation: an entity's profile and the segments (region,
 * sector) of entities. Scores themselves read the feature store (feature-store-repository.ts).
 */
import { defineQueries } from './cypher-loader.js';
import type { Database } from './driver.js';

const Q = defineQueries({
  entity: 'score/get-entity',
  segments: 'score/get-entity-segments',
});

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

export async function getEntitySegments(
  db: Database,
  ids: readonly string[],
): Promise<Array<{ id: string; region: string | null; sector: string | null }>> {
  return db.readRows(Q.segments, { ids });
}

