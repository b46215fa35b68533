/** The test-only Cypher statements of test/fixtures/cypher, by name (e.g. 'create-explore-graph'). */
import { fileURLToPath } from 'node:url';
import { readCypherTree } from '../../src/db/cypher-loader.js';

const FIXTURE_CYPHER = readCypherTree(fileURLToPath(new URL('../fixtures/cypher/', import.meta.url)));

/** The text of one fixture statement; throws naming the file if it does not exist. */
export function fixtureCypher(name: string): string {
  const text = FIXTURE_CYPHER.get(name);
  if (text === undefined) throw new Error(`no fixture statement test/fixtures/cypher/${name}.cypher`);
  return text;
}

/** Every fixture statement by name (the cypher test EXPLAINs them too). */
export function allFixtureCypher(): ReadonlyMap<string, string> {
  return FIXTURE_CYPHER;
}
