import assert from 'node:assert/strict';
import { cypher, defineQueries, loadAllCypher, usedCypherNames } from '../../../src/db/cypher-loader.js';

describe('cypher loader', () => {
  it('loads statements by name', () => {
    assert.match(cypher('read/ping'), /RETURN 1 AS ok/);
    assert.ok(loadAllCypher().has('schema/create-entity-id-constraint'));
  });

  it('fails at definition time for a missing name, naming the file', () => {
    assert.throws(() => defineQueries({ nope: 'read/does-not-exist' }), /cypher\/read\/does-not-exist\.cypher/);
  });

  it('records names resolved through defineQueries', () => {
    defineQueries({ ping: 'read/ping' });
    assert.ok(usedCypherNames().has('read/ping'));
  });

  it('every file opens with a // header', () => {
    const all = loadAllCypher();
    assert.ok(all.size >= 50, `only ${all.size} statements found`);
    for (const [name, text] of all) assert.match(text, /^\/\/ /, `cypher/${name}.cypher has no header`);
  });
});
