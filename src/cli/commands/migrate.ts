/**
 * `creditgraph migrate [--prefix P] [--dry-run]`: rewrites facts stored under older record rules (PAYS
 * per currency, …) in place, idempotently; `--dry-run` only counts what would change.
 */
import type { Command } from 'commander';
import { environmentWithServices, loadConfig } from '../../config/index.js';
import { openRuntime } from '../../runtime/runtime.js';
import { inspectMigrations, runMigrations, type MigrationReport } from '../../use-cases/ingest-migrate.js';

function describe(report: MigrationReport): string[] {
  return [`PAYS of the old shape: ${report.pays.oldShape} (mixed-currency pairs to split: ${report.pays.mixed})`];
}

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('bring stored facts to the current record rules (PAYS per currency, …); idempotent')
    .option('--prefix <prefix>', 'only facts whose ids start with this', '')
    .option('--dry-run', 'count what would change, change nothing')
    .action(async (opts: { prefix: string; dryRun?: boolean }) => {
      const config = loadConfig({ LOG_LEVEL: 'warn', ...environmentWithServices() });
      const runtime = await openRuntime(config);
      try {
        const t = Date.now();
        if (opts.dryRun) {
          for (const line of describe(await inspectMigrations(runtime.db, { prefix: opts.prefix })))
            console.log(`to migrate: ${line}`);
          return;
        }
        const done = await runMigrations(runtime.db, { prefix: opts.prefix });
        for (const line of describe(done)) console.log(`migrated: ${line}`);
        const left = await inspectMigrations(runtime.db, { prefix: opts.prefix });
        for (const line of describe(left)) console.log(`left: ${line}`);
        console.log(`${((Date.now() - t) / 1000).toFixed(1)} s`);
      } finally {
        await runtime.close();
      }
    });
}
