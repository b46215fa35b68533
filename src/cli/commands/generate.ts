/** `creditgraph generate --size s|m|l --seed N --out DIR`: writes a synthetic network as ingest CSV files. */
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
    .option('--out <dir>', 'output directory (default .local/data/<size>-<seed>)')
    .option('--id-prefix <prefix>', 'prepend to every id')
    .action(async (opts: GenerateCliOptions) => {
      const outDir = opts.out ?? join(PROJECT_ROOT, '.local', 'data', `${opts.size}-${opts.seed}`);
      const started = Date.now();
      await generateNetwork({
        size: opts.size,
        seed: opts.seed,
        outDir,
        idPrefix: opts.idPrefix,
        onFile: (type, rows) => console.log(`${type}.csv: ${rows} rows`),
      });
      console.log(
        `network ${opts.size} (seed ${opts.seed}) written to ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      console.log(`load it with: creditgraph ingest network ${outDir}`);
    });
}
