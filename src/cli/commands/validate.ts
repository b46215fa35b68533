/** `creditgraph validate`: the validation report of a model on a labelled sample (HTML + JSON). */
import type { Command } from 'commander';
import { configFromEnvironment } from '../../config/index.js';
import { openRuntime } from '../../runtime/runtime.js';
import { modelFrom } from '../../use-cases/score-model.js';
import { validateModel } from '../../use-cases/score-validate.js';
import { outcomeSourceOf, withOutcomeOptions, type OutcomeOptions } from './outcome-options.js';

const f = (x: number | null) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(3));

export function registerValidate(program: Command): void {
  withOutcomeOptions(
    program
      .command('validate')
      .description(
        'validation report (HTML with SVG charts + JSON): AUC, Gini, KS, Brier, calibration, PSI, fairness; cross-validated AUC of the training procedure, built-in model, best single signal, information values, monotonicity',
      ),
  )
    .option('--model <file>', 'model to validate (default MODEL_FILE, or the expert model)')
    .option('--previous <file>', 'previous model for PSI ("expert" for the built-in model)', 'expert')
    .option('--out-dir <dir>', 'where to write the report', '.local/reports')
    .option('--cv <k>', 'folds of the cross-validation of the training procedure (0: leave it out)', Number, 10)
    .option('--bootstrap <n>', 'bootstrap resamples of the AUC intervals', Number, 1000)
    .action(async (o: OutcomeOptions & { model?: string; previous: string; outDir: string; cv: number; bootstrap: number }) => {
      const { source } = outcomeSourceOf(program, o);
      const config = configFromEnvironment();
      const rt = await openRuntime(config);
      try {
        const model = modelFrom(o.model ?? config.scoring.modelFile);
        const { report, htmlPath, jsonPath } = await validateModel(rt.db, config, {
          prefix: o.idPrefix,
          source,
          model,
          previous: modelFrom(o.previous),
          outDir: o.outDir,
          now: new Date(),
          folds: o.cv,
          seed: o.seed,
          bootstrap: o.bootstrap,
        });
        console.log(
          `${report.modelVersion}: ${report.counts.rows} entities (${report.counts.bads} bad) AUC ${f(report.auc)} (${f(report.aucCi95.low)}–${f(report.aucCi95.high)}) Gini ${f(report.gini)} KS ${f(report.ks)} Brier ${f(report.brier)} PSI ${f(report.psi)}`,
        );
        const c = report.committee;
        if (c) {
          const cv = c.crossValidated;
          console.log(`AUC of the score (${cv.k}-fold cross-validated): ${f(cv.auc)} (95% CI ${f(cv.ci95.low)}–${f(cv.ci95.high)})`);
          console.log(`built-in model ${c.builtIn.version}: ${f(c.builtIn.auc)}; best single signal: ${cv.bestSignal ? `${cv.bestSignal.feature} ${f(cv.bestSignal.auc)}` : '–'}`);
          const bad = c.monotonicity.filter((m) => !m.ok).map((m) => m.feature);
          console.log(`monotonicity: ${bad.length ? `review ${bad.join(', ')}` : 'every characteristic moves one way, in its known risk direction'}`);
          console.log(`information values: ${c.informationValues.filter((x) => x.iv !== null).slice(0, 8).map((x) => `${x.feature} ${x.iv!.toFixed(2)}`).join(', ')}`);
        }
        const flagged = Object.values(report.fairness)
          .flat()
          .filter((g) => g.flagged)
          .map((g) => g.group);
        if (flagged.length) console.log(`fairness review: approval ratio under 0.8 for ${flagged.join(', ')}`);
        console.log(`wrote ${htmlPath} and ${jsonPath}`);
      } finally {
        await rt.close();
      }
    });
}
