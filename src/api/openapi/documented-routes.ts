/**
 * Routes written without defineRoute, documented here by path, method, summary, path params and roles
 * so /openapi.json covers every route. Routes defined with defineRoute register themselves.
 */
import { documentRoute, OPENAPI_REGISTRY } from './registry.js';

documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/healthz',
  summary: 'Liveness: the process is up',
  roles: [],
  tags: ['health'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/readyz',
  summary: 'Readiness: Neo4j and Redis answer within 2 s (503 otherwise)',
  roles: [],
  tags: ['health'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/openapi.json',
  summary: 'This OpenAPI document',
  roles: [],
  tags: ['docs'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/docs',
  summary: 'Swagger UI rendering of the OpenAPI document',
  roles: [],
  tags: ['docs'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/docs/init.js',
  summary: 'Swagger UI start-up script (assets under /docs/assets/)',
  roles: [],
  tags: ['docs'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/metrics',
  summary: 'Prometheus metrics of the process',
  roles: [],
  tags: ['health'],
});

// Ingest (admin): one POST per record type, JSON rows; files as import jobs.
for (const type of [
  'entities',
  'payments',
  'supplies',
  'loans',
  'flags',
  'identifiers',
  'ownerships',
  'ratings',
]) {
  documentRoute(OPENAPI_REGISTRY, {
    method: 'post',
    path: `/v1/${type}`,
    summary: `Ingest a batch of ${type} (JSON rows; rejects reported row by row)`,
    roles: ['admin'],
    tags: ['ingest'],
  });
}
documentRoute(OPENAPI_REGISTRY, {
  method: 'post',
  path: '/v1/imports',
  summary: 'Upload a file to import as a background job',
  roles: ['admin'],
  tags: ['ingest'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/imports/:id',
  summary: 'Status of an import job',
  roles: ['admin'],
  tags: ['ingest'],
});

// Metrics runs and jobs.
documentRoute(OPENAPI_REGISTRY, {
  method: 'post',
  path: '/v1/metrics/runs',
  summary: 'Start a metrics run (refresh of the network signals)',
  roles: ['admin'],
  tags: ['metrics'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/metrics/runs',
  summary: 'List metrics runs',
  roles: ['analyst', 'admin'],
  tags: ['metrics'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/metrics/runs/:id',
  summary: 'One metrics run',
  roles: ['analyst', 'admin'],
  tags: ['metrics'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/metrics/entities/:id',
  summary: 'Network signals of an entity in the run in service',
  roles: ['lender', 'analyst', 'admin'],
  tags: ['metrics'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/jobs/:id',
  summary: 'Status of a queued job',
  roles: ['analyst', 'admin'],
  tags: ['metrics'],
});

// Exploration (analyst).
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/entities',
  summary: 'Search entities by id prefix',
  roles: ['analyst', 'admin'],
  tags: ['explore'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/entities/:id/network',
  summary: 'Ego network of an entity',
  roles: ['analyst', 'admin'],
  tags: ['explore'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/paths',
  summary: 'Shortest paths between two entities',
  roles: ['analyst', 'admin'],
  tags: ['explore'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/communities',
  summary: 'Communities of the run in service',
  roles: ['analyst', 'admin'],
  tags: ['explore'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/communities/:id',
  summary: 'One community with its members',
  roles: ['analyst', 'admin'],
  tags: ['explore'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/rings',
  summary: 'Rings (payment cycles, shared identifiers) of the run in service',
  roles: ['analyst', 'admin'],
  tags: ['explore'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/rings/:id',
  summary: 'One ring with its members',
  roles: ['analyst', 'admin'],
  tags: ['explore'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/alerts',
  summary: 'Entities over the exposure or community-risk thresholds',
  roles: ['analyst', 'admin'],
  tags: ['explore'],
});
documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/ui',
  summary: 'Analyst web view (HTML)',
  roles: [],
  tags: ['ui'],
});
