/**
 * Routes without request input that are not JSON APIs (the documents, the web view, Prometheus
 * metrics), documented here so /openapi.json covers every route. Every other route is defined with
 * `defineRoute` next to its handler.
 */
import { z } from 'zod';
import { documentRoute, OPENAPI_REGISTRY } from './registry.js';

const text = (type: string, description: string) => ({
  200: { description, content: { [type]: { schema: z.string() } } },
});

documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/openapi.json',
  summary: 'This OpenAPI document',
  roles: [],
  tags: ['docs'],
  responses: {
    200: {
      description: 'OpenAPI 3.1',
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
    },
  },
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/docs',
  summary: 'Swagger UI rendering of the OpenAPI document',
  roles: [],
  tags: ['docs'],
  responses: text('text/html', 'the Swagger UI page'),
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/docs/init.js',
  summary: 'Swagger UI start-up script (assets under /docs/assets/)',
  roles: [],
  tags: ['docs'],
  responses: text('application/javascript', 'the script'),
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/metrics',
  summary: 'Prometheus metrics of the process: request latency by route and status, process metrics',
  roles: [],
  tags: ['health'],
  responses: text('text/plain', 'Prometheus text format'),
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/ui',
  summary: 'Analyst web view (redirects to /ui/; assets under /ui/)',
  roles: [],
  tags: ['ui'],
  responses: {
    302: { description: 'to /ui/' },
    200: { description: 'the web view', content: { 'text/html': { schema: z.string() } } },
  },
});
