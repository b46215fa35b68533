/**
 * Every .cypher file parses on the real server (EXPLAIN) and is used by some repository.
 * Schema, admin and SHOW statements cannot be EXPLAINed; they run at start-up and in the schema test.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadAllCypher, usedCypherNames } from '../../src/db/cypher-loader.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { openTestRuntime } from '../helpers/runtime.js';

const NOT_EXPLAINABLE = /^\s*(CREATE\s+(CONSTRAINT|INDEX)|DROP\s+(CONSTRAINT|INDEX)|SHOW\s|CALL\s+db\.awaitIndexes)/im;

function stripHeader(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('//'))
    .join('\n');
}

async function importAllRepositories(): Promise<void> {
  const dir = fileURLToPath(new URL('../../src/db/', import.meta.url));
  for (const file of readdirSync(dir).filter((f) => f.endsWith('-repository.ts'))) {
    await import(`../../src/db/${file.replace(/\.ts$/, '.js')}`);
  }
}

describe('cypher/ statements', () => {
  let rt: Runtime;
  before(async () => {
    rt = await openTestRuntime();
    await importAllRepositories();
  });
  after(async () => rt?.close());

  it('every statement parses (EXPLAIN on the real server)', async () => {
    const failures: string[] = [];
    let explained = 0;
    for (const [name, text] of loadAllCypher()) {
      const body = stripHeader(text);
      if (NOT_EXPLAINABLE.test(body)) continue;
      explained++;
      try {
        await rt.db.read((tx) => tx.run(`EXPLAIN ${body}`));
      } catch (error) {
        failures.push(`cypher/${name}.cypher: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(explained >= 50, `only ${explained} statements explained`);
  });

  it('every statement is used by a repository', () => {
    const used = usedCypherNames();
    const all = [...loadAllCypher().keys()];
    assert.ok(all.length >= 50 && used.size >= 50, `${all.length} statements, ${used.size} used`);
    const unused = all.filter((n) => !used.has(n));
    assert.deepEqual(unused, [], `unused statements: ${unused.join(', ')}`);
  });
});
