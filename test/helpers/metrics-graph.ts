/** The small graph of the metrics integration and API tests. */
import type { TestGraph } from '../helpers/metrics-fixture-repository.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

/** Two 4-cliques (a*, b*; payments one way, so no cycles inside) joined by a1–b1, a 3-cycle c1→c2→c3→c1; a2 defaulted. */
export function smallGraph(): TestGraph {
  const entities = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4', 'c1', 'c2', 'c3'];
  const edges: TestGraph['edges'][number][] = [];
  const pay = (src: string, dst: string, totalMinor = 10_000, at = T0) => edges.push({ src, dst, totalMinor, firstMs: at, lastMs: at + DAY });
  for (const g of ['a', 'b']) for (let i = 1; i <= 4; i++) for (let j = 1; j <= 4; j++) if (i < j) pay(`${g}${i}`, `${g}${j}`); // acyclic inside a clique
  pay('a1', 'b1', 500);
  pay('c1', 'c2', 99_000, T0);
  pay('c2', 'c3', 98_000, T0 + 2 * DAY);
  pay('c3', 'c1', 97_000, T0 + 4 * DAY);
  return { entities, edges, bad: ['a2'] };
}
