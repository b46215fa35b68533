/**
 * The features stage of a metrics run: every entity's fact features computed on this thread in chunks
 * (yielding to the event loop between chunks, so job locks keep renewing) while the graph analytics
 * run in their worker thread — the two use both cores. The run-based features are filled in once the
 * analytics are done (fillRunFeatures).
 */
import type { GraphSnapshot } from '../analytics/edge-list.js';
import {
  computeFeatureRows,
  featureContext,
  newFeatureBatch,
  NO_RUN,
  type FeatureBatch,
} from '../features/compute-features.js';

/** Entities per chunk between two yields. */
const CHUNK = 5000;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every entity's fact features as of the snapshot's date; `onChunk` gets the fraction done. */
export async function computeSnapshotFeatures(
  snapshot: GraphSnapshot,
  onChunk: (fraction: number) => void = () => {},
): Promise<{ batch: FeatureBatch; ms: number }> {
  const started = performance.now();
  const n = snapshot.ids.length;
  const focus = Uint32Array.from({ length: n }, (_, i) => i);
  const ix = featureContext(snapshot, snapshot.asOfMs);
  const batch = newFeatureBatch(focus, snapshot.asOfMs);
  for (let from = 0; from < n; from += CHUNK) {
    computeFeatureRows(ix, batch, NO_RUN, from, Math.min(n, from + CHUNK));
    onChunk(Math.min(n, from + CHUNK) / n);
    await yieldToLoop();
  }
  return { batch, ms: Math.round(performance.now() - started) };
}
