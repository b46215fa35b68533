/**
 * Computes the feature vectors of a set of entities of a snapshot as of a date: the families over the
 * entity's own and its counterparties' facts (flows, lifecycle, money movement, counterparties, history), then the
 * run-based network and community features. Pure; the same code serves the nightly run (every entity),
 * the refresh after an ingest load and as-of scoring (a few entities of a small snapshot read around
 * them), training and evaluation (the labelled entities of a masked or past snapshot).
 */
import type { GraphSnapshot } from '../analytics/edge-list.js';
import { counterpartyFeatures } from './counterparties.js';
import type { FeatureEvidence } from './evidence.js';
import { buildFactIndex, entityEvents, type FactIndex } from './fact-index.js';
import { FEATURE_COUNT, FeatureWriter } from './feature-writer.js';
import { flowFeatures } from './flows.js';
import { historyFeatures } from './history.js';
import { movementFeatures } from './movement.js';
import { runFeatures, type RunSignals } from './run-signals.js';

/** Feature vectors of `focus.length` entities: row k of `values` is entity focus[k] (NaN = missing). */
export interface FeatureBatch {
  readonly asOfMs: number;
  readonly focus: ArrayLike<number>;
  readonly values: Float64Array;
  readonly evidence: FeatureEvidence[];
}

/** Looks up an entity's run values by snapshot index (null: not in the run, or no run). */
export type RunLookup = (v: number) => RunSignals | null;

export const NO_RUN: RunLookup = () => null;

/** Prepares the shared indices once; reuse it across chunks of one computation. */
export function featureContext(snapshot: GraphSnapshot, asOfMs: number): FactIndex {
  return buildFactIndex(snapshot, asOfMs);
}

/** Rows [from, to) of a batch (lets a caller yield between chunks of a long computation). */
export function computeFeatureRows(ix: FactIndex, batch: FeatureBatch, run: RunLookup, from: number, to: number): void {
  const out = new FeatureWriter(batch.values);
  for (let k = from; k < to; k++) {
    const v = batch.focus[k]!;
    out.row(k);
    const ev = entityEvents(ix, v);
    const flows = flowFeatures(ix, v, ev, out);
    movementFeatures(ix, v, ev, flows.currency, out);
    const cps = counterpartyFeatures(ix, v, ev, flows.currency, out);
    const history = historyFeatures(ix, v, ev, out);
    const runFacts = runFeatures(run(v), out);
    batch.evidence[k] = {
      ...runFacts,
      ...history,
      topPayer: cps.topPayer,
      badCounterparties: cps.badCounterparties,
      lastActivityAt: flows.lastActivityMs === null ? null : new Date(flows.lastActivityMs).toISOString(),
      currency: flows.currency < 0 ? null : ix.facts.currencies[flows.currency]!,
    };
  }
}

/**
 * Fills (or refills) the run-based features and their evidence of every row, e.g. once a metrics run's
 * analytics finish after the fact features were computed alongside them.
 */
export function fillRunFeatures(batch: FeatureBatch, run: RunLookup): void {
  const out = new FeatureWriter(batch.values);
  for (let k = 0; k < batch.focus.length; k++) {
    const runFacts = runFeatures(run(batch.focus[k]!), out.row(k));
    batch.evidence[k] = { ...batch.evidence[k]!, ...runFacts };
  }
}

/** An empty batch for `focus` (fill it with computeFeatureRows). */
export function newFeatureBatch(focus: ArrayLike<number>, asOfMs: number): FeatureBatch {
  return { asOfMs, focus, values: new Float64Array(focus.length * FEATURE_COUNT).fill(NaN), evidence: new Array(focus.length) };
}

/** The features of `focus` (default: every entity) as of `asOfMs`, in one call. */
export function computeFeatures(
  snapshot: GraphSnapshot,
  asOfMs: number,
  run: RunLookup = NO_RUN,
  focus: ArrayLike<number> = Uint32Array.from({ length: snapshot.ids.length }, (_, i) => i),
): FeatureBatch {
  const ix = featureContext(snapshot, asOfMs);
  const batch = newFeatureBatch(focus, asOfMs);
  computeFeatureRows(ix, batch, run, 0, focus.length);
  return batch;
}
