/**
 * `creditgraph migrate [--id-prefix P] [--dry-run]`: rewrites facts stored under older record rules
 * (PAYS per currency, hashed identifier keys) in place, idempotently; `--dry-run` only counts what would
 * change.
 */
import type { Command } from 'commander';
import { environmentWithServices, loadConfig } from '../../config/index.js';
import { openRuntime } from '../../runtime/runtime.js';
import { ingestRules } from '../../use-cases/ingest-file.js';
import { inspectMigrations, runMigrations, type MigrationReport } from '../../use-cases/ingest-migrate.js';

function describe(report: MigrationReport): string[] {
  const ids = report.identifiers;
  return [
    `PAYS of the old shape: ${report.pays.oldShape} (mixed-currency pairs to split: ${report.pays.mixed})`,
    `identifiers stored in clear: ${ids.clear} (of which placeholders or invalid values: ${ids.invalid}, ` +
      'removed only with --remove-invalid); ' +
      `over-shared (> IDENTIFIER_MAX_GROUP entities) to mark: ${ids.unmarkedOverShared}`,
  ];
}

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('bring stored facts to the current record rules (PAYS per currency, hashed identifiers); idempotent')
    .option(
      '--id-prefix <prefix>',
      'only facts loaded with this --id-prefix (ids start with it; identifier values are hashed with it, as ingest does)',
      '',
    )
    .option('--dry-run', 'count what would change, change nothing')
    .option(
      '--remove-invalid',
      'remove old identifiers whose values are placeholders or invalid under the current rules (default: leave and report them)',
    )
    .action(async (opts: { idPrefix: string; dryRun?: boolean; removeInvalid?: boolean }) => {
      const config = loadConfig({ LOG_LEVEL: 'warn', ...environmentWithServices() });
      const runtime = await openRuntime(config);
      try {
        const t = Date.now();
        const options = { ...ingestRules(config), idPrefix: opts.idPrefix, removeInvalid: opts.removeInvalid };
        if (opts.dryRun) {
          for (const line of describe(await inspectMigrations(runtime.db, options)))
            console.log(`to migrate: ${line}`);
          return;
        }
        const done = await runMigrations(runtime.db, options);
        for (const line of describe(done)) console.log(`migrated: ${line}`);
        const left = await inspectMigrations(runtime.db, options);
        for (const line of describe(left)) console.log(`left: ${line}`);
        console.log(`${((Date.now() - t) / 1000).toFixed(1)} s`);
      } finally {
        await runtime.close();
      }
    });
}
