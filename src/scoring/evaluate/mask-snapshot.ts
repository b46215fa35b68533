/**
 * Masks a graph snapshot for an evaluation protocol without touching stored data: drops the RATED edges
 * a→b hidden by the mask (b a scored entity, a among the hidden raters or any rater) and marks as bad the
 * entities whose visible received ratings are mostly negative (adverse outcomes reported by
 * counterparties), in addition to the stored bad labels (defaults and flags).
 */
import { EDGE_KIND, EdgeListBuilder, type GraphSnapshot } from '../../analytics/edge-list.js';

export interface SnapshotMask {
  readonly targets: ReadonlySet<string>;
  /** Hidden raters, or 'all'. */
  readonly sources: ReadonlySet<string> | 'all';
  /** Entities to mark bad (ids). */
  readonly extraBad: ReadonlySet<string>;
}

export function maskSnapshot(
  s: GraphSnapshot,
  mask: SnapshotMask,
): { snapshot: GraphSnapshot; hiddenEdges: number } {
  const e = s.edges;
  const out = new EdgeListBuilder(e.length);
  let hiddenEdges = 0;
  for (let i = 0; i < e.length; i++) {
    const src = e.src[i]!;
    const dst = e.dst[i]!;
    const hidden =
      e.kind[i] === EDGE_KIND.rated &&
      mask.targets.has(s.ids[dst]!) &&
      (mask.sources === 'all' || mask.sources.has(s.ids[src]!));
    if (hidden) {
      hiddenEdges++;
      continue;
    }
    out.add({
      src,
      dst,
      kind: e.kind[i] as 0 | 1 | 2,
      amount: e.amount[i]!,
      first: e.first[i]!,
      last: e.last[i]!,
    });
  }
  const bad = Uint8Array.from(s.bad, (b, v) => (b || mask.extraBad.has(s.ids[v]!) ? 1 : 0));
  return { snapshot: { ...s, bad, edges: out.finish() }, hiddenEdges };
}
