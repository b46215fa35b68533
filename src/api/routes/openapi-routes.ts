/** GET /openapi.json (the document) and GET /docs (Swagger UI from swagger-ui-dist, served locally). */
import express, { Router } from 'express';
import { createRequire } from 'node:module';
import '../openapi/documented-routes.js';
import { openApiDocument } from '../openapi/document.js';
import type { AppDeps } from '../deps.js';

const require = createRequire(import.meta.url);
const SWAGGER_DIR = (require('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>creditgraph API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>`;

const INIT_JS = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true });`;

export function openApiRoutes(_deps: AppDeps): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(DOCS_HTML);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT_JS);
  });
  router.use('/docs/assets', express.static(SWAGGER_DIR, { index: false, maxAge: '1h' }));
  return router;
}
