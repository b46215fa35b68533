/**
 * The context of an ingest test suite: a runtime on the real Neo4j, a temporary folder for its files,
 * and id prefixes that are all deleted again after the suite. Call it inside `describe`: it registers
 * the suite's before and after hooks.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Runtime } from '../../src/runtime/runtime.js';
import { deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import { openTestRuntime, uniquePrefix } from './runtime.js';

export interface IngestTestContext {
  readonly runtime: Runtime;
  /** The suite's temporary folder. */
  readonly dir: string;
  /** A new unique id prefix, deleted after the suite. */
  prefix(label: string): string;
  /** Writes `text` to `name` in the suite's folder; returns its path. */
  file(name: string, text: string): string;
}

export function useIngestContext(folderLabel: string): IngestTestContext {
  const prefixes: string[] = [];
  const ctx = {
    runtime: undefined as unknown as Runtime,
    dir: '',
    prefix: (label: string) => {
      const p = uniquePrefix(label);
      prefixes.push(p);
      return p;
    },
    file: (name: string, text: string) => {
      const path = join(ctx.dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
  before(async () => {
    ctx.runtime = await openTestRuntime();
    ctx.dir = mkdtempSync(join(tmpdir(), `cg-${folderLabel}-`));
  });
  after(async () => {
    for (const p of prefixes) await deleteByPrefix(ctx.runtime.db, p);
    await ctx.runtime.close();
    rmSync(ctx.dir, { recursive: true, force: true });
  });
  return ctx;
}
