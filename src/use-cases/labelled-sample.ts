/**
 * A labelled sample for training, cross-validation and validation, from one read of the (scoped)
 * snapshot: outcomes from loans (defaults within a horizon after the observation date), from flags (fraud
 * flags within the horizon) or from a labels file (`entity,label`, −1 bad / +1 good, with an evaluation
 * protocol's mask over every labelled entity), and the features of the labelled entities as of the
 * observation date, computed in memory with the run's analytics on that same (masked) snapshot.
 * Features never depend on the label values: only on facts before the date, and for a labels file on
 * which entities are labelled (the mask), so no label can reach any entity's features.
 */
import type { GraphSnapshot } from '../analytics/edge-list.js';
import { latestEventMs } from '../analytics/facts-filter.js';
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { ValidationError } from '../errors/app-error.js';
import { PROTOCOL_TEXT, protocolMask, type Protocol, type ProtocolMask } from '../scoring/evaluate/protocols.js';
import type { Features } from '../scoring/features.js';
import { flagOutcomes } from '../scoring/train/flag-outcomes.js';
import { loanOutcomes, type LoanOutcome } from '../scoring/train/loan-outcomes.js';
import { offlineFeatures, readOfflineSnapshot, type OfflineResult } from './offline-features.js';

const DAY_MS = 86_400_000;

export type OutcomeSource =
  | { readonly kind: 'loans' | 'flags'; readonly asOfMs: number; readonly horizonDays: number }
  | {
      readonly kind: 'labels';
      /** Entity id (prefix applied) → true for good. */
      readonly labels: ReadonlyMap<string, boolean>;
      /** Where the labels came from (a file name), for the model's training summary. */
      readonly name: string;
      /** Observation date; null: just after the latest payment or rating. */
      readonly asOfMs: number | null;
      readonly protocol: Protocol;
      /** The label authority's entity id (protocol full). */
      readonly authority: string | null;
    };

export interface SampleRow {
  readonly id: string;
  readonly bad: boolean;
  readonly features: Features;
}

export interface LabelledSample {
  readonly asOfMs: number;
  /** What the outcomes are, in words (stored in a trained model). */
  readonly outcome: string;
  readonly rows: readonly SampleRow[];
  /** Labels whose entity is not in the graph (labels file). */
  readonly missing: number;
  readonly mask: { readonly protocol: Protocol; readonly text: string; readonly targets: number; readonly sources: number | 'all' };
  readonly run: OfflineResult['counts'];
}

interface Labels {
  readonly outcomes: LoanOutcome[];
  readonly asOfMs: number;
  readonly outcome: string;
  readonly missing: number;
  readonly protocol: Protocol;
  readonly mask: ProtocolMask;
}

function labelsOf(full: GraphSnapshot, source: OutcomeSource): Labels {
  if (source.kind !== 'labels') {
    const horizonMs = source.horizonDays * DAY_MS;
    const outcomes = (source.kind === 'loans' ? loanOutcomes : flagOutcomes)(full.facts, source.asOfMs, horizonMs);
    const what = source.kind === 'loans' ? 'loan defaults' : 'fraud flags';
    return { outcomes, asOfMs: source.asOfMs, outcome: `${what} within ${source.horizonDays} days`, missing: 0, protocol: 'none', mask: { hidden: undefined, sources: 0 } };
  }
  const index = new Map(full.ids.map((id, v) => [id, v]));
  const outcomes: LoanOutcome[] = [];
  for (const [id, good] of source.labels) {
    const v = index.get(id);
    if (v !== undefined) outcomes.push({ entity: v, bad: !good });
  }
  if (source.protocol === 'full' && !source.authority)
    throw new ValidationError('protocol "full" needs --authority ID (the label authority)', [{ field: 'authority', reason: 'required for protocol full' }]);
  const authority = source.authority ? index.get(source.authority) : undefined;
  const mask = protocolMask(source.protocol, full.facts, new Set(outcomes.map((o) => o.entity)), authority);
  const asOfMs = source.asOfMs ?? (latestEventMs(full.facts) ?? 0) + 1;
  const outcome = `labels ${source.name} (protocol ${source.protocol})`;
  return { outcomes, asOfMs, outcome, missing: source.labels.size - outcomes.length, protocol: source.protocol, mask };
}

/** Reads the snapshot once and builds the labelled sample of `source` (entity id prefix `prefix`, '' = all). */
export async function readLabelledSample(db: Database, config: Config, prefix: string, source: OutcomeSource, seed: number): Promise<LabelledSample> {
  return labelledSample(await readOfflineSnapshot(db, prefix), config, source, seed);
}

/** The labelled sample of `source` from a snapshot already read. */
export function labelledSample(full: GraphSnapshot, config: Config, source: OutcomeSource, seed: number): LabelledSample {
  const l = labelsOf(full, source);
  const focus = l.outcomes.map((o) => o.entity);
  const result = offlineFeatures(full, config.metrics, { asOfMs: l.asOfMs, hidden: l.mask.hidden, focus, seed });
  return {
    asOfMs: l.asOfMs,
    outcome: l.outcome,
    rows: l.outcomes.map((o, k) => ({ id: full.ids[o.entity]!, bad: o.bad, features: result.features[k]! })),
    missing: l.missing,
    mask: { protocol: l.protocol, text: PROTOCOL_TEXT[l.protocol], targets: l.protocol === 'none' ? 0 : focus.length, sources: l.mask.sources },
    run: result.counts,
  };
}
