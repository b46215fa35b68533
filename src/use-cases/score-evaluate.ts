/**
 * Evaluation on a real labelled network: hide what the protocol hides, refresh the metrics in memory on
 * the masked snapshot, read features with the same mask, score the labelled entities and report the AUC
 * (good above bad = 1.0, bootstrap 95% interval) of the score and of every signal alone. Labels are never
 * features: they are only compared with the scores at the end.
 *   none       nothing hidden (labels assumed independent of the graph)
 *   full       hide the ratings each scored entity received from the authority and from every entity the
 *              authority rated ≥ +5 (the raters whose ratings produced the labels)
 *   thin-file  hide every rating the scored entities received (no credit history)
 */
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { latestEventMs } from '../analytics/facts-filter.js';
import type { Facts } from '../analytics/facts.js';
import { signalAuc, type SignalAuc } from '../scoring/evaluate/signal-auc.js';
import { FEATURE_NAMES, FEATURE_SPECS, type FeatureName } from '../scoring/features.js';
import type { ScorecardModel } from '../scoring/model.js';
import { seededRng } from '../scoring/rng.js';
import { scoreEntity } from '../scoring/score-entity.js';
import { ValidationError } from '../errors/app-error.js';
import { offlineFeatures, readOfflineSnapshot, type OfflineResult } from './offline-features.js';

export const PROTOCOLS = ['none', 'full', 'thin-file'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const PROTOCOL_TEXT: Record<Protocol, string> = {
  none: 'none: nothing hidden; labels assumed independent of the graph',
  full: 'full: hidden the ratings each scored entity received from the authority and from every user it rated >= +5',
  'thin-file': 'thin-file: hidden every rating the scored entities received (no credit history)',
};

export interface EvaluateRequest {
  readonly labels: ReadonlyMap<string, boolean>;
  readonly protocol: Protocol;
  readonly authority: string | null;
  /** Scope of the network (entity id prefix, '' = all). */
  readonly idPrefix: string;
  readonly asOfMs: number | null;
  readonly model: ScorecardModel;
  readonly seed: number;
  readonly bootstrap: number;
}

export interface EvaluateResult {
  readonly protocol: Protocol;
  readonly protocolText: string;
  readonly asOf: string;
  readonly modelVersion: string;
  readonly counts: {
    readonly labelled: number;
    readonly scored: number;
    readonly goods: number;
    readonly bads: number;
    readonly missing: number;
  };
  readonly mask: { readonly targets: number; readonly sources: number | 'all' };
  readonly run: OfflineResult['counts'];
  readonly score: SignalAuc;
  readonly signals: ReadonlyArray<SignalAuc & { readonly feature: FeatureName; readonly direction: string }>;
}

/** Entities the authority rated at least `minRating` (any time). */
function ratedBy(facts: Facts, authority: number, minRating: number): Set<number> {
  const r = facts.ratings;
  const out = new Set<number>();
  for (let i = r.raterOffsets[authority]!; i < r.raterOffsets[authority + 1]!; i++) if (r.rating[i]! >= minRating) out.add(r.ratee[i]!);
  return out;
}

/** The ratings a protocol hides: received by a scored entity, from the authority's circle (full) or anyone (thin-file). */
function protocolMask(req: EvaluateRequest, facts: Facts, index: ReadonlyMap<string, number>, targets: ReadonlySet<number>) {
  if (req.protocol === 'none') return { hidden: undefined, sources: 0 as number | 'all' };
  if (req.protocol === 'thin-file') return { hidden: (_rater: number, ratee: number) => targets.has(ratee), sources: 'all' as const };
  if (!req.authority)
    throw new ValidationError('protocol "full" needs --authority ID (the label authority)', [
      { field: 'authority', reason: 'required for protocol full' },
    ]);
  const authority = index.get(req.authority);
  const sources = authority === undefined ? new Set<number>() : new Set([authority, ...ratedBy(facts, authority, 5)]);
  return { hidden: (rater: number, ratee: number) => targets.has(ratee) && sources.has(rater), sources: sources.size };
}

export async function evaluateLabels(db: Database, config: Config, req: EvaluateRequest): Promise<EvaluateResult> {
  const full = await readOfflineSnapshot(db, req.idPrefix);
  const index = new Map(full.ids.map((id, v) => [id, v]));
  const labelled = [...req.labels.keys()].filter((id) => index.has(id));
  const focus = labelled.map((id) => index.get(id)!);
  const asOfMs = req.asOfMs ?? (latestEventMs(full.facts) ?? Date.now()) + 1;
  const mask = protocolMask(req, full.facts, index, new Set(focus));
  const result = offlineFeatures(full, config.metrics, { asOfMs, hidden: mask.hidden, focus, seed: req.seed });
  const features = result.features;
  const good = features.map((f) => req.labels.get(f.entityId)!);
  const scores = features.map((f) => scoreEntity(req.model, f).score);
  const rng = seededRng(req.seed);
  const goods = good.filter(Boolean).length;
  return {
    protocol: req.protocol,
    protocolText: PROTOCOL_TEXT[req.protocol],
    asOf: new Date(asOfMs).toISOString(),
    modelVersion: req.model.version,
    counts: {
      labelled: req.labels.size,
      scored: features.length,
      goods,
      bads: features.length - goods,
      missing: req.labels.size - features.length,
    },
    mask: { targets: req.protocol === 'none' ? 0 : focus.length, sources: mask.sources },
    run: result.counts,
    score: signalAuc(scores, good, 'safer', rng, req.bootstrap),
    signals: FEATURE_NAMES.map((feature) => ({
      feature,
      direction: FEATURE_SPECS[feature].direction,
      ...signalAuc(
        features.map((f) => f.values[feature]),
        good,
        FEATURE_SPECS[feature].direction,
        rng,
        req.bootstrap,
      ),
    })),
  };
}
