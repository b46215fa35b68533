/**
 * Which scorecard models serve: MODEL_FILE when set (a versioned JSON file written by `creditgraph train`),
 * otherwise the built-in expert model, for the credit score; FRAUD_MODEL_FILE (a model trained with
 * `--target fraud`) for `fraudRisk`, none when unset. Files are read once per path and checked against the model schema.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { PROJECT_ROOT, type Config } from '../config/index.js';
import { expertModel } from '../scoring/expert-model.js';
import { parseModel, type ScorecardModel } from '../scoring/model.js';

const cache = new Map<string, ScorecardModel>();

/** A path from config or a flag: absolute as given, otherwise relative to the project root. */
export function projectPath(path: string): string {
  return isAbsolute(path) ? path : resolve(PROJECT_ROOT, path);
}

/** Reads and checks a model file. */
export function readModelFile(path: string): ScorecardModel {
  const full = projectPath(path);
  let model = cache.get(full);
  if (!model) {
    model = parseModel(JSON.parse(readFileSync(full, 'utf8')));
    cache.set(full, model);
  }
  return model;
}

/** The model in service for this configuration. */
export function activeModel(config: Config): ScorecardModel {
  return config.scoring.modelFile ? readModelFile(config.scoring.modelFile) : expertModel();
}

/** The fraud model in service (FRAUD_MODEL_FILE), or null when none is configured. */
export function activeFraudModel(config: Config): ScorecardModel | null {
  if (!config.scoring.fraudModelFile) return null;
  const model = readModelFile(config.scoring.fraudModelFile);
  if (model.target !== 'fraud') throw new Error(`FRAUD_MODEL_FILE ${config.scoring.fraudModelFile}: model ${model.version} is not a fraud model (train it with --target fraud)`);
  return model;
}

/** A model from a path, or the expert model for 'expert' / empty. */
export function modelFrom(path: string | undefined): ScorecardModel {
  return !path || path === 'expert' ? expertModel() : readModelFile(path);
}

/** Writes `<modelsDir>/<version>.json` (or `path`) and returns the full path. */
export function writeModelFile(config: Config, model: ScorecardModel, path?: string): string {
  const full = projectPath(path ?? join(config.scoring.modelsDir, `${model.version}.json`));
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, `${JSON.stringify(model, null, 2)}\n`);
  return full;
}
