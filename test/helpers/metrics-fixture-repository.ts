/** Test-only: seeds and removes the small graphs of the metrics integration tests (test/fixtures/cypher). */
import type { Database } from '../../src/db/driver.js';
import { fixtureCypher } from './fixture-cypher.js';

const Q = {
  create: fixtureCypher('create-metrics-test-graph'),
  remove: fixtureCypher('delete-metrics-test-graph'),
  perEntity: fixtureCypher('count-metrics-per-entity'),
};

export interface TestGraph {
  /** Entity id suffixes (ids are prefix + suffix). */
  readonly entities: readonly string[];
  readonly edges: readonly { src: string; dst: string; totalMinor: number; firstMs: number; lastMs: number }[];
  /** Suffixes of entities given a defaulted loan. */
  readonly bad: readonly string[];
}

/** Creates the graph under `prefix` in batches of 2,000 entities / edges. */
export async function createTestGraph(db: Database, prefix: string, graph: TestGraph): Promise<void> {
  const step = 2000;
  for (let i = 0; i < Math.max(graph.entities.length, graph.edges.length); i += step) {
    await db.writeRows(Q.create, {
      prefix,
      entities: i === 0 ? graph.entities : [],
      edges: graph.edges.slice(i, i + step),
      bad: i === 0 ? graph.bad : [],
    });
  }
}

/** Deletes everything under `prefix` (entities, loans, the scope's runs and their results). */
export async function deleteTestGraph(db: Database, prefix: string): Promise<void> {
  if (!prefix) throw new Error('refusing to delete without a prefix');
  for (;;) {
    const [row] = await db.writeRows<{ deleted: number }>(Q.remove, { prefix, limit: 5000 });
    if (!row || row.deleted === 0) break;
  }
}

/** How many EntityMetrics of `runId` each entity under `prefix` has (min and max over entities). */
export async function countMetricsPerEntity(db: Database, prefix: string, runId: string): Promise<{ entities: number; minPerEntity: number; maxPerEntity: number }> {
  const [row] = await db.readRows<{ entities: number; minPerEntity: number | null; maxPerEntity: number | null }>(Q.perEntity, { prefix, runId });
  return { entities: row?.entities ?? 0, minPerEntity: row?.minPerEntity ?? 0, maxPerEntity: row?.maxPerEntity ?? 0 };
}
