/**
 * The web view's bundle for the tests that load /ui: `npm test` builds it (npm run build); a test run
 * on its own builds it here when dist/ui has none yet.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UI_DIST_DIR } from '../../src/api/routes/ui-routes.js';

export async function ensureUiBuilt(): Promise<void> {
  if (existsSync(join(UI_DIST_DIR, 'index.html'))) return;
  const { buildUi } = await import('../../scripts/build-ui.mjs');
  await buildUi();
}
