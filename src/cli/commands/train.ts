/** `creditgraph train`: fit a scorecard from loan outcomes, fraud flags or a labels file, checked by cross-validation. */
import type { Command } from 'commander';
import { configFromEnvironment } from '../../config/index.js';
import { openRuntime } from '../../runtime/runtime.js';
import { ModelNotReleasedError, trainModel } from '../../use-cases/score-train.js';
import { outcomeSourceOf, withOutcomeOptions, type OutcomeOptions } from './outcome-options.js';
import { registerValidate } from './validate.js';

export function registerTrain(program: Command): void {
  withOutcomeOptions(
    program
      .command('train')
      .description(
        'fit a scorecard (monotone WoE bins + regularised logistic regression, chosen by inner cross-validation) from loan outcomes, fraud flags or a labels file; refuses a model that does not beat its best single signal',
      ),
  )
    .option('--cv <k>', 'folds of the cross-validation that checks the model before release', Number, 10)
    .option('--bootstrap <n>', 'bootstrap resamples of the AUC interval', Number, 1000)
    .option('--force', 'release even when the model does not beat its best single signal')
    .option('--out <file>', 'model file (default MODELS_DIR/<version>.json)')
    .option('--min-iv <x>', 'leave out features with a lower information value', Number)
    .action(async (o: OutcomeOptions & { cv: number; bootstrap: number; force?: boolean; out?: string; minIv?: number }) => {
      if (!(Number.isInteger(o.cv) && o.cv >= 2)) program.error(`train: --cv must be an integer of at least 2, got ${String(o.cv)}`);
      const { source, target } = outcomeSourceOf(program, o);
      const config = configFromEnvironment();
      const rt = await openRuntime(config);
      try {
        const { model, path, sample } = await trainModel(rt.db, config, {
          prefix: o.idPrefix,
          source,
          target,
          now: new Date(),
          out: o.out,
          minIv: o.minIv,
          folds: o.cv,
          seed: o.seed,
          bootstrap: o.bootstrap,
          force: o.force === true,
        });
        const t = model.training!;
        const cv = t.crossValidation!;
        const best = cv.bestSignal;
        console.log(`trained ${model.version} (${target}) on ${t.rows} entities (${t.bads} bad) from ${sample.outcome}, as of ${t.asOf}`);
        console.log(`AUC of the score (${cv.k}-fold cross-validated): ${cv.auc.toFixed(3)} (95% CI ${cv.ci95.low.toFixed(3)}–${cv.ci95.high.toFixed(3)})${best ? `; best single signal ${best.feature} ${best.auc.toFixed(3)}` : ''}`);
        if (!cv.beatsBestSignal) console.log('released with --force although it does not beat its best single signal');
        console.log(`chosen by inner cross-validation: ${t.selection?.chosen ?? '–'}`);
        console.log(`${model.characteristics.length} features: ${model.characteristics.map((c) => c.feature).join(', ')}`);
        const dropped = Object.entries(t.dropped ?? {});
        if (dropped.length) console.log(`dropped (no data on this network): ${dropped.map(([f, why]) => `${f} (${why})`).join(', ')}`);
        console.log(`wrote ${path}; serve it with ${target === 'fraud' ? 'FRAUD_MODEL_FILE' : 'MODEL_FILE'}=${path}`);
      } catch (error) {
        if (!(error instanceof ModelNotReleasedError)) throw error;
        console.error(`creditgraph train: ${error.message}`);
        process.exitCode = 2;
      } finally {
        await rt.close();
      }
    });

  registerValidate(program);
}
