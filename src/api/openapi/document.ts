/** The OpenAPI 3.1 document of every registered route (built once, on first request). */
import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { OPENAPI_REGISTRY } from './registry.js';

let cached: object | undefined;

OPENAPI_REGISTRY.registerComponent('securitySchemes', 'bearerAuth', {
  type: 'http',
  scheme: 'bearer',
  description: 'Authorization: Bearer <API key>',
});
OPENAPI_REGISTRY.registerComponent('securitySchemes', 'apiKeyHeader', {
  type: 'apiKey',
  in: 'header',
  name: 'X-API-Key',
});

export function openApiDocument(): object {
  cached ??= new OpenApiGeneratorV31(OPENAPI_REGISTRY.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'creditgraph',
      version: '0.1.0',
      description:
        'Relationship-graph analytics for credit and fraud risk. Authenticate with an API key (roles: lender, analyst, admin). Errors are application/problem+json.',
    },
    servers: [{ url: '/' }],
  });
  return cached;
}
