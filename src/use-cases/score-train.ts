/**
 * `creditgraph train`: labels from loan outcomes around an observation date (bad = a default within the
 * horizon after it), features as of that date (facts before it only), then bins + WoE logistic
 * regression; the model is written as a versioned JSON file under MODELS_DIR.
 */
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { listLoanOutcomes, type LoanOutcome } from '../db/score-repository.js';
import type { Features } from '../scoring/features.js';
import type { ScorecardModel } from '../scoring/model.js';
import { trainScorecard } from '../scoring/train/fit-scorecard.js';
import { readFeatures } from './score-entities.js';
import { activeModel, writeModelFile } from './score-model.js';

export interface OutcomeSample {
  readonly outcomes: readonly LoanOutcome[];
  readonly features: ReadonlyMap<string, Features>;
}

export interface SampleRequest {
  readonly asOfMs: number;
  readonly horizonDays: number;
  /** Entity id prefix ('' = all). */
  readonly prefix: string;
}

const BATCH = 200;

/** Borrowers with an outcome and their features as of the observation date. */
export async function readOutcomeSample(
  db: Database,
  config: Config,
  req: SampleRequest,
): Promise<OutcomeSample> {
  const outcomes = await listLoanOutcomes(db, req.asOfMs, req.horizonDays * 86_400_000, req.prefix);
  const features = new Map<string, Features>();
  const deps = { db, config: { ...config, scoring: { ...config.scoring, timeoutMs: 600_000 } } };
  for (let i = 0; i < outcomes.length; i += BATCH) {
    const ids = outcomes.slice(i, i + BATCH).map((o) => o.id);
    for (const { features: f } of await readFeatures(deps, ids, { asOfMs: req.asOfMs }))
      features.set(f.entityId, f);
  }
  return { outcomes: outcomes.filter((o) => features.has(o.id)), features };
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
