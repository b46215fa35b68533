/** `creditgraph score ID [ID…]`: the score of entities as the API serves it (current run, active model). */
import type { Command } from 'commander';
import { configFromEnvironment } from '../../config/index.js';
import { openRuntime } from '../../runtime/runtime.js';
import { scoreEntities } from '../../use-cases/score-entities.js';

export function registerScore(program: Command): void {
  program
    .command('score')
    .description('score entities: score, band, PD, dimensions, reasons with evidence, credit limit')
    .argument('<ids...>', 'entity ids')
    .option('--as-of <iso>', 'scoring date (default now)')
    .option('--json', 'print JSON')
    .action(async (ids: string[], o: { asOf?: string; json?: boolean }) => {
      const config = configFromEnvironment();
      const rt = await openRuntime(config);
      try {
        const deps = { db: rt.db, config: { ...config, scoring: { ...config.scoring, timeoutMs: 60_000 } } };
        const scores = await scoreEntities(deps, ids, { asOfMs: o.asOf ? Date.parse(o.asOf) : undefined });
        for (const id of ids) {
          const s = scores.get(id);
          if (o.json) console.log(JSON.stringify(s ?? { id, error: 'not found' }));
          else if (!s) console.log(`${id}: not found`);
          else {
            console.log(
              `${id}: score ${s.score} band ${s.band} PD ${(s.pd * 100).toFixed(2)}% limit ${s.limit.amount}${s.limit.reason ? ` (${s.limit.reason.code})` : ''} model ${s.modelVersion} run ${s.runId ?? '-'}${s.stale ? ' STALE' : ''}`,
            );
            console.log(`  dimensions: ${s.dimensions.map((d) => `${d.label} ${d.subScore}`).join(', ')}`);
            for (const r of s.reasons) console.log(`  - [${r.code}] ${r.text} (−${r.pointsLost} points)`);
          }
        }
        if (ids.some((id) => !scores.has(id))) process.exitCode = 2;
      } finally {
        await rt.close();
      }
    });
}
