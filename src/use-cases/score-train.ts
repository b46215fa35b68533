/**
 * `creditgraph train`: labels from loan outcomes around an observation date (bad = a default within the
 * horizon after it), features as of that date (facts before it only, the run's analytics computed in
 * memory on the snapshot of that date), then bins + WoE logistic regression; the model is written as a
 * versioned JSON file under MODELS_DIR.
 */
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { getEntitySegments } from '../db/score-repository.js';
import type { Features } from '../scoring/features.js';
import type { ScorecardModel } from '../scoring/model.js';
import { trainScorecard } from '../scoring/train/fit-scorecard.js';
import { loanOutcomes } from '../scoring/train/loan-outcomes.js';
import { offlineFeatures, readOfflineSnapshot } from './offline-features.js';
import { activeModel, writeModelFile } from './score-model.js';

export interface Outcome {
  readonly id: string;
  readonly bad: boolean;
  readonly region: string | null;
  readonly sector: string | null;
}

export interface OutcomeSample {
  readonly outcomes: readonly Outcome[];
  readonly features: ReadonlyMap<string, Features>;
}

export interface SampleRequest {
  readonly asOfMs: number;
  readonly horizonDays: number;
  /** Entity id prefix ('' = all). */
  readonly prefix: string;
}

/** Borrowers with an outcome and their features as of the observation date. */
export async function readOutcomeSample(db: Database, config: Config, req: SampleRequest): Promise<OutcomeSample> {
  const full = await readOfflineSnapshot(db, req.prefix);
  const labels = loanOutcomes(full.facts, req.asOfMs, req.horizonDays * 86_400_000);
  const { features } = offlineFeatures(full, config.metrics, {
    asOfMs: req.asOfMs,
    focus: labels.map((l) => l.entity),
    seed: 42,
  });
  const ids = labels.map((l) => full.ids[l.entity]!);
  const segments = new Map((await getEntitySegments(db, ids)).map((s) => [s.id, s]));
  return {
    outcomes: labels.map((l, k) => ({ id: ids[k]!, bad: l.bad, region: segments.get(ids[k]!)?.region ?? null, sector: segments.get(ids[k]!)?.sector ?? null })),
    features: new Map(features.map((f) => [f.entityId, f])),
  };
}

export interface TrainResult {
  readonly model: ScorecardModel;
  readonly path: string;
}

export async function trainModel(
  db: Database,
  config: Config,
  req: SampleRequest & { now: Date; out?: string; minIv?: number },
): Promise<TrainResult> {
  const sample = await readOutcomeSample(db, config, req);
  const rows = sample.outcomes.map((o) => ({ values: sample.features.get(o.id)!.values, bad: o.bad }));
  const stamp = req.now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const model = trainScorecard(rows, {
    version: `model-${stamp}`,
    createdAt: req.now.toISOString(),
    asOf: new Date(req.asOfMs).toISOString(),
    previousVersion: activeModel(config).version,
    ...(req.minIv === undefined ? {} : { minIv: req.minIv }),
  });
  return { model, path: writeModelFile(config, model, req.out) };
}
