/**
 * The layer boundaries docs/architecture.md states, checked on the import statements of the sources:
 * pure code imports no I/O, only src/db talks to Neo4j, src/db does not reach up into use cases or entry
 * points, and the API and the workers never import each other.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function sources(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return sources(relative(ROOT, path));
    return /\.(ts|mts|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The module specifiers a file imports (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/^import\s+['"]([^'"]+)['"]/gm),
  ];
  return specs.map((m) => m[1]!);
}

interface Rule {
  readonly dirs: readonly string[];
  readonly forbidden: RegExp;
  readonly why: string;
}

const RULES: readonly Rule[] = [
  {
    dirs: ['src/analytics', 'src/scoring', 'src/features'],
    forbidden:
      /^(node:|neo4j-driver|bullmq|ioredis|express|pino)|\/(db|use-cases|api|queue|config|logging|runtime|cli)\//,
    why: 'pure code: no I/O, no config, no logger',
  },
  {
    dirs: ['src/db'],
    forbidden: /\/(use-cases|api|cli|runtime)\/|workers\//,
    why: 'repositories do not reach up into use cases or entry points',
  },
  {
    dirs: ['src/runtime', 'src/api', 'src/use-cases', 'src/queue'],
    forbidden: /(^|\/)workers\//,
    why: 'the runtime does not import the worker entry points',
  },
  { dirs: ['workers'], forbidden: /\/src\/api\//, why: 'workers and the API never import each other' },
  { dirs: ['src', 'workers'], forbidden: /(^|\/)test\//, why: 'runtime code never imports test helpers' },
];

describe('architecture: layer boundaries', () => {
  for (const rule of RULES) {
    it(`${rule.dirs.join(', ')}: ${rule.why}`, () => {
      const files = rule.dirs.flatMap(sources);
      assert.ok(files.length > 0, `no sources under ${rule.dirs.join(', ')}`);
      const offending = files.flatMap((f) =>
        importsOf(f)
          .filter((s) => rule.forbidden.test(s))
          .map((s) => `${relative(ROOT, f)} imports ${s}`),
      );
      assert.deepEqual(offending, []);
    });
  }

  it('only src/db imports neo4j-driver, and only src/config and src/cli read process.env', () => {
    const all = ['src', 'workers'].flatMap(sources).filter((f) => !relative(ROOT, f).startsWith('src/ui/'));
    const driver = all.filter(
      (f) => !relative(ROOT, f).startsWith('src/db/') && importsOf(f).includes('neo4j-driver'),
    );
    assert.deepEqual(
      driver.map((f) => relative(ROOT, f)),
      [],
    );
    const env = all.filter(
      (f) =>
        !/^src\/(config|cli)\//.test(relative(ROOT, f)) && /process\.env\b/.test(readFileSync(f, 'utf8')),
    );
    assert.deepEqual(
      env.map((f) => relative(ROOT, f)),
      [],
    );
  });

  it('the import reader sees the imports of a real file', () => {
    const file = join(ROOT, 'src', 'api', 'create-app.ts');
    const specs = importsOf(file);
    assert.ok(specs.includes('express'), specs.join(', '));
    assert.ok(specs.includes('./routes/score-routes.js'));
  });
});
