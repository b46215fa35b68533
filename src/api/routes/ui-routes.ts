/**
 * Serves the analyst web view at /ui from dist/ui, the bundle `npm run build` makes (scripts/build-ui.mjs).
 * The API never builds or writes it: without a build, /ui answers 503 saying how to make one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import { PROJECT_ROOT } from '../../config/index.js';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../deps.js';

/** Where the bundle is served from (kept in step with scripts/build-ui.mjs). */
export const UI_DIST_DIR = join(PROJECT_ROOT, 'dist', 'ui');

export function uiRoutes(_deps: AppDeps): Router {
  const router = Router();
  const assets = express.static(UI_DIST_DIR, { index: 'index.html', fallthrough: true });
  router.use('/ui', (req, res, next) => {
    if (req.originalUrl === '/ui') return res.redirect(302, '/ui/');
    if (!existsSync(join(UI_DIST_DIR, 'index.html')))
      return next(new AppError('ui_unavailable', 'the web view is not built; run npm run build', 503));
    res.setHeader('Cache-Control', 'no-cache');
    return assets(req, res, next);
  });
  return router;
}
