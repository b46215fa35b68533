/**
 * Streams the analytics graph out of Neo4j in pages (keyset pagination on the unique Entity.id
 * index), so memory holds one page of rows plus the compact typed-array edge list and the
 * identifier → users map.
 * A snapshot may be scoped to entities whose id starts with a prefix (a scoped refresh).
 */
import { EDGE_KIND, EdgeListBuilder, type EdgeKind, type GraphSnapshot } from '../analytics/edge-list.js';
import type { Database } from './driver.js';
import { defineQueries } from './cypher-loader.js';

const Q = defineQueries({
  entities: 'snapshot/list-entity-page',
});

interface EdgeRow {
  dst: string;
  kind: 'pays' | 'supplies' | 'rated';
  amount: number | string | null;
  firstMs: number | null;
  lastMs: number | null;
}

interface EntityRow {
  id: string;
  bad: boolean;
  out: EdgeRow[];
  identifiers: string[];
}

export interface SnapshotOptions {
  /** Only entities whose id starts with this ('' = all). */
  readonly idPrefix: string;
  /** Entities (or identifiers) per page. */
  readonly pageSize: number;
  /** Identifiers used by more entities than this are ignored (a shared office address is not a ring). */
  readonly maxIdentifierShare: number;
  /** Called after each page with the entities read so far. */
  readonly onPage?: (entities: number, edges: number) => void;
}

const KINDS: Record<EdgeRow['kind'], EdgeKind> = { pays: EDGE_KIND.pays, supplies: EDGE_KIND.supplies, rated: EDGE_KIND.rated };

/** Reads the (scoped) graph: entities, bad labels, trading edges, shared identifiers. */
export async function readGraphSnapshot(db: Database, options: SnapshotOptions): Promise<GraphSnapshot> {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const badIds: number[] = [];
  const indexOf = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  const edges = new EdgeListBuilder(1 << 16);
  const users = new Map<string, number[]>();
  let after = '';
  for (;;) {
    const rows = await db.readRows<EntityRow>(Q.entities, { prefix: options.idPrefix, after, limit: options.pageSize });
    for (const row of rows) {
      const v = indexOf(row.id);
      if (row.bad) badIds.push(v);
      for (const key of row.identifiers) {
        const list = users.get(key);
        if (list) list.push(v);
        else users.set(key, [v]);
      }
      for (const e of row.out) {
        edges.add({
          src: v,
          dst: indexOf(e.dst),
          kind: KINDS[e.kind],
          amount: Number(e.amount ?? 0),
          first: e.firstMs ?? undefined,
          last: e.lastMs ?? e.firstMs ?? undefined,
        });
      }
    }
    options.onPage?.(ids.length, edges.length);
    if (rows.length < options.pageSize) break;
    after = rows[rows.length - 1]!.id;
  }
  const bad = new Uint8Array(ids.length);
  for (const v of badIds) bad[v] = 1;
  const identifierGroups = [...users.values()].filter((g) => g.length >= 2 && g.length <= options.maxIdentifierShare);
  return { ids, bad, edges: edges.finish(), identifierGroups };
}
