/** `creditgraph keys create --role R | list | revoke ID`: API keys (stored hashed; the secret is shown once). */
import type { Command } from 'commander';
import { configFromEnvironment } from '../../config/index.js';
import { isRole, ROLES } from '../../auth/api-key.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../../db/api-key-repository.js';
import { openRuntime, type Runtime } from '../../runtime/runtime.js';

async function withRuntime(fn: (rt: Runtime) => Promise<void>): Promise<void> {
  const rt = await openRuntime(configFromEnvironment());
  try {
    await fn(rt);
  } finally {
    await rt.close();
  }
}

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('manage API keys (roles: lender, analyst, admin)');
  keys
    .command('create')
    .description('create a key and print its secret once')
    .requiredOption('-r, --role <role>', `one of ${ROLES.join(', ')}`)
    .option('-n, --name <name>', 'who or what the key is for', '')
    .option('--json', 'print JSON')
    .action(async (opts: { role: string; name: string; json?: boolean }) => {
      if (!isRole(opts.role)) program.error(`keys create: --role must be one of ${ROLES.join(', ')}, got "${opts.role}"`);
      await withRuntime(async ({ db }) => {
        const created = await createApiKey(db, opts.role as never, opts.name, new Date());
        if (opts.json) console.log(JSON.stringify(created));
        else console.log(`created ${created.role} key ${created.id}; keep this secret, it is not shown again:\n${created.key}`);
      });
    });
  keys
    .command('list')
    .description('list keys (ids, roles, names; never secrets)')
    .action(async () => withRuntime(async ({ db }) => console.table(await listApiKeys(db))));
  keys
    .command('revoke')
    .description('revoke a key by id')
    .argument('<id>', 'key id')
    .action(async (id: string) =>
      withRuntime(async ({ db }) => {
        if (!(await revokeApiKey(db, id, new Date()))) program.error(`keys revoke: no key with id "${id}"`);
        console.log(`revoked ${id}`);
      }),
    );
}
