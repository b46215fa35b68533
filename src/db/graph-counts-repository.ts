/**
 * The counts a refresh estimate needs (src/analytics/refresh-estimate.ts): the whole graph's from the
 * count store, a scope's by one walk over it.
 */
import { defineQueries } from './cypher-loader.js';
import type { Database } from './driver.js';
import type { GraphCounts } from '../analytics/refresh-estimate.js';

const Q = defineQueries({
  whole: 'metrics/count-graph',
  scoped: 'metrics/count-graph-by-prefix',
});

/** Counts of the graph a refresh of `scope` reads ('' = the whole graph). */
export async function countRefreshInput(db: Database, scope: string): Promise<GraphCounts> {
  const [row] = scope === '' ? await db.readRows<GraphCounts>(Q.whole, {}) : await db.readRows<GraphCounts>(Q.scoped, { prefix: scope });
  if (!row) throw new Error(`${scope === '' ? 'count-graph' : 'count-graph-by-prefix'} returned no row`);
  return row;
}
