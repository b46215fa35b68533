/**
 * Serves the analyst web view (src/ui, bundled into src/ui/dist) at /ui. At start-up the bundle is
 * rebuilt when it is missing or older than a source file (scripts/build-ui.mjs, esbuild: ~0.3 s), so
 * `npm start` and the tests need no separate build step; the first /ui request waits for it.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import express, { Router } from 'express';
import { PROJECT_ROOT } from '../../config/index.js';
import { AppError } from '../../errors/app-error.js';
import { getLogger } from '../../logging/logger.js';
import type { AppDeps } from '../deps.js';

const log = getLogger('ui');

interface UiBuilder {
  readonly UI_DIST_DIR: string;
  ensureUiBundle(): Promise<{ built: boolean; ms: number }>;
}

const BUILDER_URL = pathToFileURL(join(PROJECT_ROOT, 'scripts', 'build-ui.mjs')).href;
/** Where the bundle is served from (kept in step with scripts/build-ui.mjs). */
export const UI_DIST_DIR = join(PROJECT_ROOT, 'src', 'ui', 'dist');

let preparing: Promise<void> | undefined;

/** Builds the bundle once per process when stale; a failed build is logged and answered 503 on /ui. */
export function prepareUiBundle(): Promise<void> {
  if (!preparing) {
    preparing = (async () => {
      const builder = (await import(BUILDER_URL)) as UiBuilder;
      const { built, ms } = await builder.ensureUiBundle();
      if (built) log.info({ ms }, 'web view bundle built');
    })();
    preparing.catch((err: Error) => log.warn({ err: err.message }, 'web view bundle could not be built'));
  }
  return preparing;
}

export function uiRoutes(_deps: AppDeps): Router {
  const router = Router();
  const ready = prepareUiBundle();
  const assets = express.static(UI_DIST_DIR, { index: 'index.html', fallthrough: true });
  router.use('/ui', async (req, res, next) => {
    if (req.originalUrl === '/ui') return res.redirect(302, '/ui/');
    try {
      await ready;
    } catch (error) {
      return next(new AppError('ui_unavailable', `the web view is not built: ${(error as Error).message}; run npm run build`, 503, { cause: error }));
    }
    res.setHeader('Cache-Control', 'no-cache');
    return assets(req, res, next);
  });
  return router;
}
