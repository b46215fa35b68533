/**
 * Loads every Cypher statement from `cypher/**\/*.cypher` once and hands them out by name
 * (`'ingest/merge-payments'`). A repository resolves all its names when its module loads, so a
 * missing or misspelt file stops the process at start-up instead of failing at first use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PROJECT_ROOT } from '../config/project-root.js';

/** Where the statements live: `<project>/cypher`. */
export const CYPHER_DIR = join(PROJECT_ROOT, 'cypher');

let cache: ReadonlyMap<string, string> | undefined;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return walk(path);
    return e.name.endsWith('.cypher') ? [path] : [];
  });
}

/** Every `.cypher` file under `dir` by name (path under `dir` without `.cypher`, with `/` separators). */
export function readCypherTree(dir: string): ReadonlyMap<string, string> {
  const entries = walk(dir).map((file): [string, string] => {
    const name = relative(dir, file).split(sep).join('/').replace(/\.cypher$/, '');
    return [name, readFileSync(file, 'utf8')];
  });
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** Every statement of cypher/ by name. */
export function loadAllCypher(): ReadonlyMap<string, string> {
  cache ??= readCypherTree(CYPHER_DIR);
  return cache;
}

/** The text of one statement; throws naming the file if it does not exist. */
export function cypher(name: string): string {
  const text = loadAllCypher().get(name);
  if (text === undefined) throw new Error(`no Cypher statement "${name}": expected the file cypher/${name}.cypher`);
  return text;
}

// Kept on globalThis: a test runner may load this module both as CommonJS and as ESM.
const USED_KEY = Symbol.for('creditgraph.cypher.used');
const used: Set<string> = ((globalThis as Record<symbol, unknown>)[USED_KEY] as Set<string> | undefined) ?? new Set<string>();
(globalThis as Record<symbol, unknown>)[USED_KEY] = used;

/**
 * Resolves a repository's statements up front: `const Q = defineQueries({ merge: 'ingest/merge-payments' })`.
 * Each name is checked now (at module load, so at start-up) and recorded as used.
 */
export function defineQueries<K extends string>(names: Record<K, string>): Readonly<Record<K, string>> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(names) as K[]) {
    out[key] = cypher(names[key]);
    used.add(names[key]);
  }
  return Object.freeze(out);
}

/** The names resolved through defineQueries so far (the "every statement is used" test reads it). */
export function usedCypherNames(): ReadonlySet<string> {
  return used;
}
