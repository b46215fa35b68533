import assert from 'node:assert/strict';
import neo4j from 'neo4j-driver';
import { toPlain } from '../../../src/db/neo4j-values.js';

describe('toPlain', () => {
  it('turns Neo4j integers into numbers, and huge ones into strings', () => {
    assert.equal(toPlain(neo4j.int(42)), 42);
    assert.equal(toPlain(neo4j.int('9223372036854775807')), '9223372036854775807');
  });

  it('turns DateTime into an ISO string in UTC', () => {
    const dt = neo4j.types.DateTime.fromStandardDate(new Date('2024-03-01T10:20:30.000Z'));
    assert.equal(toPlain(dt), '2024-03-01T10:20:30.000Z');
  });

  it('turns Date into YYYY-MM-DD', () => {
    assert.equal(toPlain(new neo4j.types.Date(2024, 3, 1)), '2024-03-01');
  });

  it('walks arrays and maps', () => {
    assert.deepEqual(toPlain({ a: [neo4j.int(1), null, 'x'], b: { c: neo4j.int(2) } }), { a: [1, null, 'x'], b: { c: 2 } });
  });

  it('returns the properties of nodes', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Entity'], { id: 'E-1', n: neo4j.int(3) }, 'el-1');
    assert.deepEqual(toPlain(node), { id: 'E-1', n: 3 });
  });
});
