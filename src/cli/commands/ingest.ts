/**
 * `creditgraph ingest <type> <file>`: loads one file (or `ingest network <dir>`: a directory of them)
 * with a progress bar, prints a summary, and exits 2 when any row was rejected (1 on errors).
 */
import { basename, join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { dataDir, environmentWithServices, loadConfig, type Config } from '../../config/index.js';
import { isRecordType, RECORD_TYPES } from '../../ingest/record-types.js';
import type { FileFormat } from '../../ingest/record-reader.js';
import { openRuntime } from '../../runtime/runtime.js';
import { ingestFile, ingestRules, type IngestSummary } from '../../use-cases/ingest-file.js';
import { findNetworkFiles } from '../../use-cases/ingest-network.js';
import { ingestNetworkBulk } from '../../use-cases/ingest-bulk.js';
import { localBulkDeps } from '../../runtime/local-neo4j.js';
import { createProgressReporter } from '../progress-reporter.js';

interface IngestCliOptions {
  strict?: boolean;
  batch?: number;
  rejects?: string;
  idPrefix?: string;
  format?: FileFormat;
  progressInterval: number;
  bulk?: boolean;
  importThreads?: number;
  importMemory?: string;
}

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive integer');
  return n;
};

/** Prints the outcome of one file. */
export function printSummary(s: IngestSummary): void {
  const verdict = s.strictFailed
    ? 'REJECTED (strict: nothing written)'
    : s.rejected > 0
      ? 'loaded with rejects'
      : 'loaded';
  console.log(
    `${s.type} ${s.file}: ${verdict}: ${s.rows} rows, ${s.loaded} loaded (${s.written} new), ${s.repeats} repeats skipped, ` +
      `${s.rejected} rejected, ${s.batches} batches, ${(s.elapsedMs / 1000).toFixed(1)} s, ${s.rowsPerSecond} rows/s`,
  );
  for (const e of s.firstErrors.slice(0, 10)) console.log(`  ${e}`);
  if (s.rejected > 10) console.log(`  … ${s.rejected - Math.min(10, s.firstErrors.length)} more`);
  if (s.rejectsPath) console.log(`  rejects: ${s.rejectsPath}`);
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      `load a file into Neo4j; <type> is one of ${RECORD_TYPES.join(', ')} (or "network" with a directory)`,
    )
    .argument('<type>', 'record type, or "network" to load every <type>.csv of a directory')
    .argument('<file>', 'CSV or NDJSON file (optionally .gz), or a directory for "network"')
    .option('--strict', 'reject the whole file on its first bad row and write nothing')
    .option('--batch <rows>', 'rows per transaction (default INGEST_BATCH_ROWS)', positiveInt)
    .option(
      '--rejects <path>',
      'rejects file (NDJSON; default .local/rejects/<file>.rejects.ndjson); with --bulk a directory',
    )
    .option('--id-prefix <prefix>', 'prepend to every id in the file')
    .option('--format <format>', 'csv or ndjson (default: from the file name)')
    .option(
      '--bulk',
      'network only: first load into an EMPTY local Neo4j with the offline importer (stops and restarts it)',
    )
    .option('--import-threads <n>', 'with --bulk: importer threads (default: the cores)', positiveInt)
    .option(
      '--import-memory <size>',
      "with --bulk: importer off-heap memory, e.g. 2g (default: the importer's)",
    )
    .option(
      '--progress-interval <seconds>',
      'seconds between progress lines when not on a terminal',
      Number,
      5,
    )
    .action(async (type: string, file: string, opts: IngestCliOptions) => {
      const files = type === 'network' ? findNetworkFiles(file) : [{ type, path: file }];
      for (const f of files)
        if (!isRecordType(f.type))
          throw new InvalidArgumentError(
            `unknown type "${f.type}"; expected ${RECORD_TYPES.join(', ')} or network`,
          );
      // info logs (schema applied, …) would break the progress bar: warn unless LOG_LEVEL says otherwise
      const config = loadConfig({ LOG_LEVEL: 'warn', ...environmentWithServices() });
      if (opts.bulk) {
        if (type !== 'network')
          throw new InvalidArgumentError('--bulk loads a whole network: ingest network <dir> --bulk');
        process.exitCode = await runBulk(file, opts, config);
        return;
      }
      const runtime = await openRuntime(config);
      let failed = false;
      try {
        for (const f of files) {
          const summary = await ingestOne(
            runtime.db,
            f.type as never,
            f.path,
            opts,
            config.ingest.batchRows,
            files.length > 1,
            config,
          );
          printSummary(summary);
          failed ||= summary.rejected > 0;
        }
      } finally {
        await runtime.close();
      }
      if (failed) process.exitCode = 2;
    });
}

/** `ingest network DIR --bulk`; resolves with the exit code (2 when rows were rejected). */
async function runBulk(dir: string, opts: IngestCliOptions, config: Config): Promise<number> {
  const localDir = process.env.CREDITGRAPH_LOCAL_DIR ?? dataDir('.local');
  const started = Date.now();
  const result = await ingestNetworkBulk(
    dir,
    {
      ...ingestRules(config),
      strict: opts.strict,
      idPrefix: opts.idPrefix,
      maxLineBytes: config.ingest.maxLineBytes,
      maxDecompressedBytes: config.ingest.maxDecompressedBytes,
      threads: opts.importThreads,
      maxOffHeap: opts.importMemory,
      rejectsPathFor: (path) =>
        join(opts.rejects ?? dataDir(config.ingest.rejectsDir), `${basename(path)}.rejects.ndjson`),
      onFile: printSummary,
    },
    localBulkDeps(config, localDir, process.env),
    (stage) => console.log(`bulk: ${stage} …`),
  );
  const stages = Object.entries(result.stages).map(([k, ms]) => `${k} ${((ms ?? 0) / 1000).toFixed(1)} s`);
  if (!result.imported) {
    console.log('bulk: REJECTED (strict: rows were rejected, nothing imported)');
    return 2;
  }
  const c = result.actual ?? result.expected;
  console.log(
    `bulk: loaded and verified: ${c.entities} entities (${c.minimalEntities} minimal), ${c.paid} payments, ${c.pays} PAYS, ` +
      `${c.identifiers} identifiers, ${c.supplies} supplies, ${c.loans} loans, ${c.flags} flags, ${c.rated} ratings ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s (${stages.join(', ')})`,
  );
  return result.summaries.some((s) => s.rejected > 0) ? 2 : 0;
}

async function ingestOne(
  db: Parameters<typeof ingestFile>[0],
  type: Parameters<typeof ingestFile>[1],
  path: string,
  opts: IngestCliOptions,
  defaultBatch: number,
  several: boolean,
  config: Config,
): Promise<IngestSummary> {
  const reporter = createProgressReporter(`${type}`, opts.progressInterval * 1000);
  const rejectsPath =
    opts.rejects && !several
      ? opts.rejects
      : join(dataDir(config.ingest.rejectsDir), `${basename(path)}.rejects.ndjson`);
  try {
    return await ingestFile(
      db,
      type,
      path,
      {
        strict: opts.strict,
        batchRows: opts.batch ?? defaultBatch,
        ...ingestRules(config),
        maxLineBytes: config.ingest.maxLineBytes,
        maxDecompressedBytes: config.ingest.maxDecompressedBytes,
        rejectsPath,
        idPrefix: opts.idPrefix,
        format: opts.format,
      },
      (p) => reporter.update(p),
    );
  } finally {
    reporter.stop();
  }
}
