/**
 * `creditgraph train`: a labelled sample from loan outcomes, fraud flags or a labels file, as of an
 * observation date (src/use-cases/labelled-sample.ts), then the champion procedure cross-validated and
 * fitted (src/scoring/train/train-checked.ts). A model that does not beat its best single signal is not
 * released (ModelNotReleasedError) unless forced; a released model is written as a versioned JSON file
 * under MODELS_DIR.
 */
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { AppError, ValidationError } from '../errors/app-error.js';
import type { CrossValidationSummary, ModelTarget, ScorecardModel } from '../scoring/model.js';
import { TrainingDataError } from '../scoring/train/fit-scorecard.js';
import { trainChecked } from '../scoring/train/train-checked.js';
import { readLabelledSample, type LabelledSample, type OutcomeSource } from './labelled-sample.js';
import { activeModel, activeFraudModel, writeModelFile } from './score-model.js';

/** The trained model did not beat its best single signal (422; `details` holds the figures). */
export class ModelNotReleasedError extends AppError {
  override name = 'ModelNotReleasedError';
  constructor(message: string, details: CrossValidationSummary) {
    super('model_not_released', message, 422, { details });
  }
}

export interface TrainRequest {
  /** Entity id prefix ('' = all). */
  readonly prefix: string;
  readonly source: OutcomeSource;
  readonly target: ModelTarget;
  readonly now: Date;
  readonly out?: string;
  readonly minIv?: number;
  /** Cross-validation folds of the release check. */
  readonly folds: number;
  readonly seed: number;
  readonly bootstrap: number;
  /** Release even when the model does not beat its best single signal. */
  readonly force: boolean;
}

export interface TrainResult {
  readonly model: ScorecardModel;
  readonly path: string;
  readonly sample: LabelledSample;
}

/** A version stamp from a date: model-YYYYMMDDTHHMMSS (fraud models: fraud-…). */
export function versionOf(target: ModelTarget, now: Date): string {
  return `${target === 'fraud' ? 'fraud' : 'model'}-${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}`;
}

/** Runs `fit`, turning a sample too small to train into a ValidationError that says which sample. */
function guarded<T>(counts: string, fit: () => T): T {
  try {
    return fit();
  } catch (error) {
    if (error instanceof TrainingDataError) throw new ValidationError(`cannot train on ${counts}: ${error.message}`);
    throw error;
  }
}

export async function trainModel(db: Database, config: Config, req: TrainRequest): Promise<TrainResult> {
  const sample = await readLabelledSample(db, config, req.prefix, req.source, req.seed);
  const rows = sample.rows.map((r) => ({ values: r.features.values, bad: r.bad }));
  const previous = req.target === 'fraud' ? activeFraudModel(config) : activeModel(config);
  const counts = `${rows.length} labelled (${rows.filter((r) => r.bad).length} bad) from ${sample.outcome} as of ${new Date(sample.asOfMs).toISOString()}`;
  if (rows.length === 0) throw new ValidationError(`no outcomes to learn from: ${counts} (is the date inside the network's history, and the id prefix right?)`);
  const checked = guarded(counts, () => trainChecked(
    rows,
    {
      version: versionOf(req.target, req.now),
      createdAt: req.now.toISOString(),
      asOf: new Date(sample.asOfMs).toISOString(),
      previousVersion: previous?.version ?? null,
      target: req.target,
      outcome: sample.outcome,
      ...(req.minIv === undefined ? {} : { minIv: req.minIv }),
    },
    { folds: req.folds, seed: req.seed, bootstrap: req.bootstrap },
  ));
  const cv = checked.summary;
  if (!cv.beatsBestSignal && !req.force) {
    const best = cv.bestSignal!;
    throw new ModelNotReleasedError(
      `not released: its ${cv.k}-fold cross-validated AUC ${cv.auc.toFixed(3)} does not beat its best single signal, ${best.feature} (AUC ${best.auc.toFixed(3)}); score with that signal, add outcomes or features, or release anyway with --force`,
      cv,
    );
  }
  return { model: checked.model, path: writeModelFile(config, checked.model, req.out), sample };
}
