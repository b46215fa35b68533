/**
 * Assembles a GraphSnapshot from facts: the trading edges and the bad entities as of a time, both
 * derived from the events (so a snapshot can be moved back to any earlier as-of date).
 */
import { badEntities } from './bad-entities.js';
import type { GraphSnapshot } from './edge-list.js';
import type { Facts } from './facts.js';
import { tradingEdges } from './trading-edges.js';

/** The snapshot of `facts` as of `asOfMs` (facts at or after it are ignored by edges and labels). */
export function assembleSnapshot(
  ids: readonly string[],
  facts: Facts,
  identifierGroups: readonly (readonly number[])[],
  asOfMs: number,
): GraphSnapshot {
  return { ids, asOfMs, facts, identifierGroups, bad: badEntities(facts, asOfMs), edges: tradingEdges(facts, asOfMs) };
}

/** The same snapshot seen at an earlier (or later) time. */
export function snapshotAt(snapshot: GraphSnapshot, asOfMs: number): GraphSnapshot {
  return assembleSnapshot(snapshot.ids, snapshot.facts, snapshot.identifierGroups, asOfMs);
}
