/** /openapi.json and the app agree: every Express route is documented, and every documented operation is served. */
import assert from 'node:assert/strict';
import { createApp } from '../../src/api/create-app.js';
import { openApiDocument } from '../../src/api/openapi/document.js';
import '../../src/api/openapi/documented-routes.js';
import { toOpenApiPath } from '../../src/api/openapi/registry.js';
import { testConfig } from '../helpers/runtime.js';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function routesOf(stack: Layer[]): string[] {
  return stack.flatMap((l) => {
    if (l.route) return Object.keys(l.route.methods).map((m) => `${m} ${toOpenApiPath(l.route!.path)}`);
    return l.handle?.stack ? routesOf(l.handle.stack) : [];
  });
}

/** Documented operations served by a mounted middleware (router.use) rather than a route. */
const MOUNTED = new Set(['get /ui', 'get /admin/queues']);

describe('OpenAPI coverage', () => {
  const app = createApp({ config: testConfig(), db: {} as never, redis: {} as never });
  const routes = routesOf((app as unknown as { router: { stack: Layer[] } }).router.stack);
  const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m} ${path}`),
  );

  it('finds the routes of the app (the route reader works on this Express version)', () => {
    for (const route of [
      'get /healthz',
      'get /v1/entities/{id}/score',
      'post /v1/scores',
      'post /v1/metrics/runs',
    ]) {
      assert.ok(routes.includes(route), `${route} not found among ${routes.length} routes`);
    }
  });

  it('documents every route of the app', () => {
    const missing = routes.filter((r) => !documented.includes(r));
    assert.deepEqual(missing, []);
  });

  it('serves every documented operation', () => {
    const unserved = documented.filter((op) => !routes.includes(op) && !MOUNTED.has(op));
    assert.deepEqual(unserved, []);
  });
});
