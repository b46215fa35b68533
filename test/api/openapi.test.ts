/**
 * /openapi.json is a well-formed OpenAPI 3.1 document (operations with responses, every path parameter
 * declared, every $ref resolved, roles with their security and problem responses), and every route that
 * takes input rejects a bad value per its schema: 400 problem+json naming the parameter.
 */
import assert from 'node:assert/strict';
import type { Role } from '../../src/auth/api-key.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

interface Operation {
  summary?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown }>;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown> }>;
  security?: Array<Record<string, unknown>>;
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const LONG_ID = 'x'.repeat(201);
const TYPES = ['entities', 'payments', 'supplies', 'loans', 'flags', 'identifiers', 'ownerships', 'ratings'];

/** One bad request per operation that takes input: `<METHOD> <OpenAPI path>` → request and the field named. */
const BAD: Record<string, { url: string; field: string; role?: Role; body?: string; type?: string }> = {
  'get /v1/entities/{id}/network': {
    url: '/v1/entities/E1/network?depth=9',
    field: 'depth',
    role: 'analyst',
  },
  'get /v1/paths': { url: '/v1/paths?from=E1', field: 'to', role: 'analyst' },
  'get /v1/entities': { url: '/v1/entities?limit=5', field: 'search', role: 'analyst' },
  'get /v1/communities': { url: '/v1/communities?sort=age', field: 'sort', role: 'analyst' },
  'get /v1/communities/{id}': { url: '/v1/communities/1?limit=0', field: 'limit', role: 'analyst' },
  'get /v1/rings': { url: '/v1/rings?kind=star', field: 'kind', role: 'analyst' },
  'get /v1/rings/{id}': { url: `/v1/rings/${LONG_ID}`, field: 'id', role: 'analyst' },
  'get /v1/alerts': { url: '/v1/alerts?limit=-3', field: 'limit', role: 'analyst' },
  'get /v1/entities/{id}': { url: `/v1/entities/${LONG_ID}`, field: 'params.id', role: 'lender' },
  'get /v1/entities/{id}/score': {
    url: '/v1/entities/E1/score?asOf=yesterday',
    field: 'query.asOf',
    role: 'lender',
  },
  'post /v1/scores': { url: '/v1/scores', body: '{"ids":[]}', field: 'body.ids', role: 'lender' },
  'get /v1/audit': { url: '/v1/audit?limit=0', field: 'query.limit' },
  'delete /v1/entities/{id}': { url: `/v1/entities/${LONG_ID}`, field: 'params.id' },
  'post /v1/metrics/runs': { url: '/v1/metrics/runs', body: '{"scope":"a b"}', field: 'scope' },
  'get /v1/metrics/runs': { url: '/v1/metrics/runs?limit=501', field: 'limit', role: 'analyst' },
  'get /v1/metrics/runs/{id}': { url: `/v1/metrics/runs/${LONG_ID}`, field: 'id', role: 'analyst' },
  'get /v1/metrics/entities/{id}': { url: `/v1/metrics/entities/${LONG_ID}`, field: 'id', role: 'lender' },
  'get /v1/jobs/{id}': { url: `/v1/jobs/${LONG_ID}`, field: 'id', role: 'analyst' },
  'post /v1/imports': { url: '/v1/imports?type=robots', body: 'id,kind\n', type: 'text/csv', field: 'type' },
  'get /v1/imports/{id}': { url: `/v1/imports/${LONG_ID}`, field: 'id' },
  'get /v1/loans/{id}/monitoring': { url: `/v1/loans/${LONG_ID}/monitoring`, field: 'id', role: 'analyst' },
  'get /v1/monitoring/alerts': { url: '/v1/monitoring/alerts?minSeverity=urgent', field: 'minSeverity', role: 'analyst' },
  'get /v1/monitoring/loans': { url: '/v1/monitoring/loans?alerted=yes', field: 'alerted', role: 'analyst' },
  ...Object.fromEntries(
    TYPES.map((t) => [`post /v1/${t}`, { url: `/v1/${t}?idPrefix=a%20b`, body: '[]', field: 'idPrefix' }]),
  ),
};

function operations(doc: Document): Array<[string, string, Operation]> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]): [string, string, Operation] => [method, path, op]),
  );
}

function refsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsOf);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      k === '$ref' && typeof v === 'string' ? [v] : refsOf(v),
    );
  }
  return [];
}

describe('OpenAPI document and request validation', function () {
  this.timeout(30000);
  let app: TestApp;
  let doc: Document;

  before(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    doc = (await (await fetch(`${app.url}/openapi.json`)).json()) as Document;
  });
  after(async () => app?.close());

  it('is an OpenAPI 3.1 document whose operations all have responses and declared path parameters', () => {
    assert.match(doc.openapi, /^3\.1\./);
    assert.ok(doc.info.title && doc.info.version);
    const ops = operations(doc);
    assert.ok(ops.length >= 30, `only ${ops.length} operations`);
    for (const [method, path, op] of ops) {
      const where = `${method} ${path}`;
      assert.ok(op.summary, `${where}: summary`);
      assert.ok(
        Object.keys(op.responses).some((s) => /^[23]\d\d$/.test(s)),
        `${where}: a success response`,
      );
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      assert.deepEqual(declared.map((p) => p.name).sort(), names.sort(), `${where}: path parameters`);
      assert.ok(
        declared.every((p) => p.required === true && p.schema),
        `${where}: path parameters required, with a schema`,
      );
      assert.ok(
        (op.parameters ?? []).every((p) => ['path', 'query', 'header'].includes(p.in) && p.schema),
        where,
      );
    }
  });

  it('resolves every $ref and documents security and problem responses', () => {
    for (const ref of refsOf(doc)) {
      const [, section, name] = /^#\/components\/(schemas|securitySchemes)\/(.+)$/.exec(ref) ?? [];
      assert.ok(section && name && doc.components[section as 'schemas']?.[name], `unresolved ${ref}`);
    }
    const schemes = Object.keys(doc.components.securitySchemes ?? {});
    assert.deepEqual(schemes.sort(), ['apiKeyHeader', 'bearerAuth']);
    for (const [method, path, op] of operations(doc)) {
      const where = `${method} ${path}`;
      for (const requirement of op.security ?? []) {
        assert.ok(
          Object.keys(requirement).every((s) => schemes.includes(s)),
          where,
        );
      }
      if (op.security?.length) {
        for (const status of ['401', '403'])
          assert.ok(op.responses[status]?.content?.['application/problem+json'], `${where}: ${status}`);
      }
      if (op.parameters?.length || op.requestBody) {
        assert.ok(op.responses['400']?.content?.['application/problem+json'], `${where}: 400 problem+json`);
      }
    }
  });

  it('has a bad-request case below for every operation that takes input', () => {
    const withInput = operations(doc)
      .filter(([, , op]) => op.parameters?.length || op.requestBody)
      .map(([method, path]) => `${method} ${path}`);
    assert.deepEqual(
      withInput.filter((k) => !BAD[k]),
      [],
    );
    assert.deepEqual(
      Object.keys(BAD).filter((k) => !withInput.includes(k)),
      [],
    );
  });

  it('answers 400 problem+json naming the bad parameter on every route that takes input', async () => {
    for (const [key, bad] of Object.entries(BAD)) {
      const method = key.split(' ')[0]!.toUpperCase();
      const headers = bad.type ? { 'content-type': bad.type } : undefined;
      const res = await app.request(bad.url, { method, role: bad.role ?? 'admin', body: bad.body, headers });
      const body = (await res.json()) as { code: string; detail: string; errors?: Array<{ field: string }> };
      assert.equal(res.status, 400, `${key}: ${JSON.stringify(body)}`);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/, key);
      assert.equal(body.errors?.[0]?.field, bad.field, `${key}: ${JSON.stringify(body)}`);
    }
  });
});
