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
import {
  getLatestActivityMs,
  listRatedBy,
  NO_MASK,
  readEntitySignals,
  type RatingMask,
} from '../db/score-repository.js';
import { deriveFeatures } from '../scoring/derive-features.js';
import { signalAuc, type SignalAuc } from '../scoring/evaluate/signal-auc.js';
import { FEATURE_NAMES, FEATURE_SPECS, type FeatureName, type Features } from '../scoring/features.js';
import type { ScorecardModel } from '../scoring/model.js';
import { seededRng } from '../scoring/rng.js';
import { scoreEntity } from '../scoring/score-entity.js';
import { ValidationError } from '../errors/app-error.js';
import { runMaskedRefresh, type EvaluationRun } from './score-evaluate-run.js';

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
  readonly run: EvaluationRun['counts'];
  readonly score: SignalAuc;
  readonly signals: ReadonlyArray<SignalAuc & { readonly feature: FeatureName; readonly direction: string }>;
}

const BATCH = 100;

async function buildMask(db: Database, req: EvaluateRequest, targets: string[]): Promise<RatingMask> {
  if (req.protocol === 'none') return NO_MASK;
  if (req.protocol === 'thin-file') return { targets, sources: 'all' };
  if (!req.authority)
    throw new ValidationError('protocol "full" needs --authority ID (the label authority)', [
      { field: 'authority', reason: 'required for protocol full' },
    ]);
  const trusted = await listRatedBy(db, req.authority, 5);
  return { targets, sources: [req.authority, ...trusted] };
}

async function readAllFeatures(
  db: Database,
  ids: readonly string[],
  asOfMs: number,
  mask: RatingMask,
  run: EvaluationRun,
): Promise<Features[]> {
  const out: Features[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await readEntitySignals(db, ids.slice(i, i + BATCH), {
      asOfMs,
      runId: '__evaluation__',
      mask,
    });
    for (const r of rows)
      out.push(
        deriveFeatures({
          ...r.raw,
          run: run.signals.get(r.raw.entityId) ?? null,
          nearestBad: run.nearestBad.get(r.raw.entityId) ?? null,
        }),
      );
  }
  return out;
}

export async function evaluateLabels(
  db: Database,
  config: Config,
  req: EvaluateRequest,
): Promise<EvaluateResult> {
  const ids = [...req.labels.keys()];
  const asOfMs = req.asOfMs ?? ((await getLatestActivityMs(db, req.idPrefix)) ?? Date.now()) + 1;
  const mask = await buildMask(db, req, ids);
  const run = await runMaskedRefresh(db, config.metrics, req.idPrefix, mask, req.seed);
  const features = await readAllFeatures(db, ids, asOfMs, mask, run);
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
      labelled: ids.length,
      scored: features.length,
      goods,
      bads: features.length - goods,
      missing: ids.length - features.length,
    },
    mask: { targets: mask.targets.length, sources: mask.sources === 'all' ? 'all' : mask.sources.length },
    run: run.counts,
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
