/**
 * The project's root directory (the one holding this package's package.json), found by walking up
 * from this module, so it is the same whether the code runs from src/ (tsx) or from dist/ (compiled).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === 'creditgraph') return dir;
    }
    if (dirname(dir) === dir) throw new Error(`no creditgraph package.json above ${start}`);
  }
}

/** Absolute path of the project root, without a trailing separator. */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A configured data folder as an absolute path: relative values are under the project root. */
export function dataDir(dir: string): string {
  return isAbsolute(dir) ? dir : join(PROJECT_ROOT, dir);
}
