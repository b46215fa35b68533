#!/usr/bin/env node
// Bundles the analyst web view (src/ui) into static assets in dist/ui/ with esbuild: app.js (sigma +
// graphology + our code, minified), index.html and styles.css. Part of `npm run build`; the API serves
// dist/ui and never builds or writes anything itself.
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const UI_SOURCE_DIR = join(ROOT, 'src', 'ui');
export const UI_DIST_DIR = join(ROOT, 'dist', 'ui');
const STATIC_FILES = ['index.html', 'styles.css'];
const OUTPUTS = ['app.js', ...STATIC_FILES];

/**
 * Builds into a private temporary directory, then moves the files into place, so a server reading
 * dist/ui while the build runs never sees half a file. Resolves to the build time in ms.
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

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ms = await buildUi();
  console.log(`web view built into ${relative(process.cwd(), UI_DIST_DIR) || '.'} in ${ms} ms`);
}
