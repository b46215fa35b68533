/** /openapi.json lists every route the app answers (each Express route is documented). */
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

describe('OpenAPI coverage', () => {
  it('documents every route of the app', () => {
    const app = createApp({ config: testConfig(), db: {} as never, redis: {} as never });
    const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const missing = routesOf(stack).filter((r) => {
      const [method, path] = r.split(' ');
      return !doc.paths[path!]?.[method!];
    });
    assert.deepEqual(missing, []);
  });
});
