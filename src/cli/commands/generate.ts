/**
 * `creditgraph generate --size s|m|l --seed N [--end YYYY-MM-DD] --out DIR`: writes a synthetic network
 * as ingest CSV files whose two-year period ends at `--end` (default 2025-01-01).
 */
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { PROJECT_ROOT } from '../../config/index.js';
import { generateNetwork } from '../../ingest/generator/generate-network.js';
import { isNetworkSize, NETWORK_SIZES, type NetworkSize } from '../../ingest/generator/sizes.js';

interface GenerateCliOptions {
  size: NetworkSize;
  seed: number;
  out?: string;
  idPrefix?: string;
  end?: string;
}

/** Parses `YYYY-MM-DD` as UTC midnight, epoch ms. */
export function parseEndDate(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value)
    throw new InvalidArgumentError('a date YYYY-MM-DD');
  return ms;
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description(
      'write a realistic synthetic network (entities, payments, supplies, loans, flags, identifiers, ownerships) as CSV',
    )
    .option(
      '--size <size>',
      `s | m | l (${Object.entries(NETWORK_SIZES)
        .map(([k, v]) => `${k}: ${v.entities} entities / ${v.payments} payments`)
        .join('; ')})`,
      (v) => {
        if (!isNetworkSize(v)) throw new InvalidArgumentError('s, m or l');
        return v;
      },
      's',
    )
    .option(
      '--seed <n>',
      'random seed (same seed, same network)',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n)) throw new InvalidArgumentError('an integer');
        return n;
      },
      1,
    )
    .option('--end <date>', 'end of the simulated two-year period, YYYY-MM-DD (default 2025-01-01)', (v) => {
      parseEndDate(v);
      return v;
    })
    .option('--out <dir>', 'output directory (default .local/data/<size>-<seed>[-<end>])')
    .option('--id-prefix <prefix>', 'prepend to every id (not to identifier values: use ingest --id-prefix to keep networks apart)')
    .action(async (opts: GenerateCliOptions) => {
      const endMs = opts.end === undefined ? undefined : parseEndDate(opts.end);
      const name = `${opts.size}-${opts.seed}${opts.end === undefined ? '' : `-${opts.end}`}`;
      const outDir = opts.out ?? join(PROJECT_ROOT, '.local', 'data', name);
      const started = Date.now();
      await generateNetwork({
        size: opts.size,
        seed: opts.seed,
        outDir,
        idPrefix: opts.idPrefix,
        endMs,
        onFile: (type, rows) => console.log(`${type}.csv: ${rows} rows`),
      });
      console.log(
        `network ${opts.size} (seed ${opts.seed}${opts.end === undefined ? '' : `, ending ${opts.end}`}) written to ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      console.log(`load it with: creditgraph ingest network ${outDir}`);
    });
}
