#!/usr/bin/env node
// Bundles the analyst web view (src/ui) into static assets in src/ui/dist/ (git-ignored) with esbuild:
// app.js (sigma + graphology + our code, minified), index.html and styles.css.
// `node scripts/build-ui.mjs` builds unconditionally (npm run build); the API imports `ensureUiBundle`
// and builds at start-up only when the bundle is missing or older than a source file.
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const UI_SOURCE_DIR = join(ROOT, 'src', 'ui');
export const UI_DIST_DIR = join(UI_SOURCE_DIR, 'dist');
const STATIC_FILES = ['index.html', 'styles.css'];
const OUTPUTS = ['app.js', ...STATIC_FILES];

/** Newest modification time (ms) of the web view's sources (src/ui without dist/). */
async function newestSourceMs(dir = UI_SOURCE_DIR) {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== UI_DIST_DIR) newest = Math.max(newest, await newestSourceMs(path));
    } else {
      newest = Math.max(newest, (await stat(path)).mtimeMs);
    }
  }
  return newest;
}

/** Oldest modification time (ms) of the built outputs, or 0 when one is missing. */
async function oldestOutputMs() {
  let oldest = Infinity;
  for (const name of OUTPUTS) {
    try {
      oldest = Math.min(oldest, (await stat(join(UI_DIST_DIR, name))).mtimeMs);
    } catch {
      return 0;
    }
  }
  return oldest;
}

/** True when src/ui/dist is missing an output or older than a source file. */
export async function isUiBundleStale() {
  return (await oldestOutputMs()) < (await newestSourceMs());
}

/**
 * Builds into a private temporary directory, then moves the files into place, so a server reading
 * dist/ while another process builds never sees half a file. Resolves to the build time in ms.
 */
export async function buildUi({ minify = true } = {}) {
  const started = performance.now();
  const { build } = await import('esbuild');
  const tmp = join(UI_DIST_DIR, `.tmp-${process.pid}-${Date.now()}`);
  await mkdir(tmp, { recursive: true });
  try {
    await build({
      entryPoints: [join(UI_SOURCE_DIR, 'main.ts')],
      outfile: join(tmp, 'app.js'),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: ['es2020'],
      minify,
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    for (const name of STATIC_FILES) await copyFile(join(UI_SOURCE_DIR, name), join(tmp, name));
    for (const name of OUTPUTS) await rename(join(tmp, name), join(UI_DIST_DIR, name));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return Math.round(performance.now() - started);
}

/** Builds when stale; resolves to {built, ms}. */
export async function ensureUiBundle() {
  if (!(await isUiBundleStale())) return { built: false, ms: 0 };
  return { built: true, ms: await buildUi() };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ms = await buildUi();
  console.log(`web view built into ${relative(process.cwd(), UI_DIST_DIR) || '.'} in ${ms} ms`);
}
