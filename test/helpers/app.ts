/**
 * API tests: the real app in-process on port 0 against the real Neo4j and Redis, with one API key per
 * role (deleted again by `close`, with the audit events written for them).
 */
import type { Role } from '../../src/auth/api-key.js';
import { createApp, ROUTES, type RouteFactory } from '../../src/api/create-app.js';
import type { AppDeps } from '../../src/api/deps.js';
import { listen } from '../../src/api/server.js';
import { createApiKey, deleteApiKey } from '../../src/db/api-key-repository.js';
import { deleteAuditEventsOfKey } from '../../src/db/audit-repository.js';
import { auditTrailOf } from '../../src/use-cases/score-audit.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { openTestRuntime } from './runtime.js';

export interface TestApp {
  readonly url: string;
  readonly runtime: Runtime;
  readonly keys: Readonly<Record<Role, string>>;
  /**
   * fetch against the app with the given role's key (or none) and X-Purpose `purpose` (default 'testing',
   * one of the default AUDIT_PURPOSES; null sends none).
   */
  request(
    path: string,
    init?: RequestInit & { role?: Role | 'none'; purpose?: string | null },
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestApp(
  overrides: Record<string, string> = {},
  routes: readonly RouteFactory[] = ROUTES,
  deps: Partial<Pick<AppDeps, 'audit'>> = {},
): Promise<TestApp> {
  // Tests that poll the API must not meet the per-key rate limit unless they set one themselves.
  const runtime = await openTestRuntime({ RATE_LIMIT_PER_MINUTE: '1000000', ...overrides });
  const now = new Date();
  const created = await Promise.all(
    (['lender', 'analyst', 'admin'] as const).map((role) =>
      createApiKey(runtime.db, role, `test-${role}`, now),
    ),
  );
  const keys = Object.fromEntries(created.map((k) => [k.role, k.key])) as Record<Role, string>;
  const server = await listen(
    createApp({ config: runtime.config, db: runtime.db, redis: runtime.redis, ...deps }, routes),
    '127.0.0.1',
    0,
    2000,
  );
  return {
    url: server.url,
    runtime,
    keys,
    request: (path, init = {}) => {
      const { role = 'admin', purpose = 'testing', ...rest } = init;
      const headers = new Headers(rest.headers);
      if (role !== 'none') headers.set('authorization', `Bearer ${keys[role]}`);
      if (purpose !== null && !headers.has('x-purpose')) headers.set('x-purpose', purpose);
      if (rest.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
      return fetch(server.url + path, { ...rest, headers });
    },
    close: async () => {
      await server.close();
      await auditTrailOf(runtime.db).flush();
      await Promise.all(created.map((k) => deleteAuditEventsOfKey(runtime.db, k.id)));
      await Promise.all(created.map((k) => deleteApiKey(runtime.db, k.id)));
      await runtime.close();
    },
  };
}
