/**
 * Evaluation on a real labelled network: hide what the protocol hides (from every labelled entity),
 * refresh the metrics in memory on the masked snapshot, compute the labelled entities' features, and
 * report the AUC (good above bad = 1.0, bootstrap 95% interval) of a fixed model (the built-in expert
 * model or a model file), of every signal alone, and — with `cv` — of models trained on the labels by
 * exactly the procedure `creditgraph train` uses, out of fold (K stratified folds, seeded). Labels are
 * never features: they only train the fold models and are compared with the scores at the end.
 */
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { PROTOCOL_TEXT, type Protocol } from '../scoring/evaluate/protocols.js';
import { signalAuc, type SignalAuc } from '../scoring/evaluate/signal-auc.js';
import { FEATURE_NAMES, FEATURE_SPECS, type FeatureName } from '../scoring/features.js';
import { allCharacteristics, type ScorecardModel } from '../scoring/model.js';
import { seededRng } from '../scoring/rng.js';
import { scoreEntity } from '../scoring/score-entity.js';
import { trainChecked } from '../scoring/train/train-checked.js';
import { readLabelledSample, type LabelledSample } from './labelled-sample.js';

export { PROTOCOLS, PROTOCOL_TEXT, type Protocol } from '../scoring/evaluate/protocols.js';

export interface EvaluateRequest {
  readonly labels: ReadonlyMap<string, boolean>;
  /** Where the labels came from (file name). */
  readonly labelsName?: string;
  readonly protocol: Protocol;
  readonly authority: string | null;
  /** Scope of the network (entity id prefix, '' = all). */
  readonly idPrefix: string;
  readonly asOfMs: number | null;
  readonly model: ScorecardModel;
  readonly seed: number;
  readonly bootstrap: number;
  /** Folds of the cross-validated training (absent or 0: no training). */
  readonly cv?: number;
}

export interface CrossValidatedAuc extends SignalAuc {
  readonly k: number;
  /** How often each feature entered the fold models (out of k). */
  readonly featureUse: Readonly<Partial<Record<FeatureName, number>>>;
  /** The candidate each fold's inner cross-validation chose. */
  readonly chosen: readonly string[];
  readonly bestSignal: { readonly feature: FeatureName; readonly auc: number } | null;
  readonly beatsBestSignal: boolean;
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
  readonly run: LabelledSample['run'];
  /** AUC of the fixed model (built-in or --model). */
  readonly score: SignalAuc;
  readonly crossValidated: CrossValidatedAuc | null;
  readonly signals: ReadonlyArray<SignalAuc & { readonly feature: FeatureName; readonly direction: string }>;
}

function crossValidated(sample: LabelledSample, req: EvaluateRequest, k: number): CrossValidatedAuc {
  const rows = sample.rows.map((r) => ({ values: r.features.values, bad: r.bad }));
  const stamp = new Date(sample.asOfMs).toISOString();
  const checked = trainChecked(rows, { version: 'cv', createdAt: stamp, asOf: stamp, outcome: sample.outcome }, { folds: k, seed: req.seed, bootstrap: req.bootstrap });
  const featureUse: Partial<Record<FeatureName, number>> = {};
  for (const m of checked.crossValidation.models) for (const c of new Set(allCharacteristics(m).map((x) => x.feature))) featureUse[c] = (featureUse[c] ?? 0) + 1;
  const s = checked.summary;
  return {
    k,
    auc: s.auc,
    ci95: s.ci95,
    coverage: 1,
    featureUse,
    chosen: checked.crossValidation.models.map((m) => m.training?.selection?.chosen ?? ''),
    bestSignal: s.bestSignal,
    beatsBestSignal: s.beatsBestSignal,
  };
}

export async function evaluateLabels(db: Database, config: Config, req: EvaluateRequest): Promise<EvaluateResult> {
  const sample = await readLabelledSample(
    db,
    config,
    req.idPrefix,
    { kind: 'labels', labels: req.labels, name: req.labelsName ?? 'labels', asOfMs: req.asOfMs, protocol: req.protocol, authority: req.authority },
    req.seed,
  );
  const features = sample.rows.map((r) => r.features);
  const good = sample.rows.map((r) => !r.bad);
  const scores = features.map((f) => scoreEntity(req.model, f).score);
  const rng = seededRng(req.seed);
  const goods = good.filter(Boolean).length;
  return {
    protocol: req.protocol,
    protocolText: PROTOCOL_TEXT[req.protocol],
    asOf: new Date(sample.asOfMs).toISOString(),
    modelVersion: req.model.version,
    counts: { labelled: req.labels.size, scored: features.length, goods, bads: features.length - goods, missing: sample.missing },
    mask: { targets: sample.mask.targets, sources: sample.mask.sources },
    run: sample.run,
    score: signalAuc(scores, good, 'safer', rng, req.bootstrap),
    crossValidated: req.cv ? crossValidated(sample, req, req.cv) : null,
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
