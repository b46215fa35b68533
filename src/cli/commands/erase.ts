/** `creditgraph erase ENTITY_ID [--reason TEXT] [--json]`: erase an entity and everything that names it (docs/erasure.md). */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { configFromEnvironment } from '../../config/index.js';
import { NotFoundError } from '../../errors/app-error.js';
import { openRuntime } from '../../runtime/runtime.js';
import { eraseEntity } from '../../use-cases/erase-entity.js';

function operator(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

export function registerErase(program: Command): void {
  program
    .command('erase')
    .description('erase an entity: its facts, derived values, audit events and lines in rejects files and uploads (a tombstone stays)')
    .argument('<entityId>', 'the entity id')
    .option('--reason <text>', 'why (kept in the tombstone)', '')
    .option('--json', 'print the summary as JSON')
    .action(async (entityId: string, opts: { reason: string; json?: boolean }) => {
      const rt = await openRuntime(configFromEnvironment());
      try {
        const summary = await eraseEntity(rt.db, rt.config, {
          id: entityId,
          reason: opts.reason,
          keyId: operator(),
          role: 'admin',
          route: 'cli erase',
          requestId: '',
          now: new Date(),
        });
        if (opts.json) console.log(JSON.stringify(summary));
        else
          console.log(
            `erased; tombstone ${summary.tombstoneId} (hash ${summary.entityHash}): ${summary.relationshipsDeleted} relationships, ` +
              `${summary.nodesDeleted} nodes, ${summary.auditEventsDeleted} audit events deleted; ${summary.rings.deleted} rings dissolved, ` +
              `${summary.rings.updated} updated; ${summary.communitiesUpdated} communities and ${summary.derivedRewritten} derived records updated; ` +
              `${summary.files.linesRemoved} lines removed from ${summary.files.rewritten} of ${summary.files.scanned} files`,
          );
      } catch (error) {
        if (error instanceof NotFoundError) program.error(`erase: no entity with id ${JSON.stringify(entityId)}`);
        throw error;
      } finally {
        await rt.close();
      }
    });
}
