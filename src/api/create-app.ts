/**
 * Builds the Express application from its dependencies; no listening, no globals, so tests start it
 * in-process on port 0.
 */
import express, { type Express, type Router } from 'express';
import type { AppDeps } from './deps.js';
import { requestId } from './middleware/request-id.js';
import { requestLog } from './middleware/request-log.js';
import { errorHandler, notFoundHandler } from './middleware/problem.js';
import { healthRoutes } from './routes/health-routes.js';
import { exploreRoutes } from './routes/explore-routes.js';
import { uiRoutes } from './routes/ui-routes.js';
import { exploreRunRoutes } from './routes/explore-run-routes.js';
import { scoreRoutes } from './routes/score-routes.js';
import { openApiRoutes } from './routes/openapi-routes.js';
import { metricsRoutes } from './routes/metrics-routes.js';
import { ingestRoutes } from './routes/ingest-routes.js';
import { importRoutes } from './routes/import-routes.js';
import { createHttpMetrics } from './middleware/http-metrics.js';
import { queueBoardRoutes } from './routes/queue-board-routes.js';
import { monitoringRoutes } from './routes/monitoring-routes.js';
import { eraseRoutes } from './routes/erase-routes.js';

/** Route modules mounted after the built-in ones (each later feature adds its router here). */
export type RouteFactory = (deps: AppDeps) => Router;

export const ROUTES: RouteFactory[] = [healthRoutes, exploreRoutes, exploreRunRoutes, uiRoutes, scoreRoutes, openApiRoutes, metricsRoutes, ingestRoutes, importRoutes, queueBoardRoutes, monitoringRoutes, eraseRoutes];

export function createApp(deps: AppDeps, routes: readonly RouteFactory[] = ROUTES): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const metrics = createHttpMetrics();
  app.use(requestId());
  app.use(metrics.middleware);
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(requestLog());
  for (const route of routes) app.use(route(deps));
  app.use(notFoundHandler());
  app.use(errorHandler());
  return app;
}
