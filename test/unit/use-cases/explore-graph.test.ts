import assert from 'node:assert/strict';
import { tieKey, toGraph, toNode, type EntityRow, type TieRow } from '../../../src/use-cases/explore-graph.js';
import { distinctPaths, summarisePath } from '../../../src/use-cases/explore-paths.js';
import { identifierNodes } from '../../../src/use-cases/explore-subgraph.js';

const row = (id: string, over: Partial<EntityRow> = {}): EntityRow => ({
  id,
  kind: 'business',
  bad: false,
  runId: null,
  pagerank: null,
  pagerankPct: null,
  community: null,
  communityRisk: null,
  exposure: null,
  exposurePct: null,
  ...over,
});
const tie = (source: string, target: string, total: number, kind: TieRow['kind'] = 'pays'): TieRow => ({ source, target, kind, total, count: 1 });

describe('exploration graph format', () => {
  it('serialises nodes with string communities and the hop when given', () => {
    const node = toNode(row('E1', { community: 7, pagerank: 0.1 }), 2);
    assert.deepEqual(node.key, 'E1');
    assert.equal(node.attributes.community, '7');
    assert.equal(node.attributes.hop, 2);
    assert.equal(node.attributes.label, 'E1');
    assert.ok(!('hop' in toNode(row('E2')).attributes));
  });

  it('keys ties by kind and direction, de-duplicates them and orders edges strongest first', () => {
    assert.notEqual(tieKey(tie('a', 'b', 1)), tieKey(tie('b', 'a', 1)));
    assert.notEqual(tieKey(tie('a', 'b', 1)), tieKey(tie('a', 'b', 1, 'supplies')));
    const g = toGraph({ x: 1 }, [toNode(row('a')), toNode(row('b'))], [tie('a', 'b', 5), tie('b', 'a', 50), tie('a', 'b', 5), tie('a', 'b', 9, 'supplies')]);
    assert.deepEqual(g.edges.map((e) => e.attributes.total), [50, 9, 5]);
    assert.deepEqual(g.options, { type: 'directed', multi: true, allowSelfLoops: true });
    assert.deepEqual(g.attributes, { x: 1 });
  });
});

describe('paths', () => {
  it('summarises a path: length, bottleneck and total of its amounts', () => {
    const s = summarisePath(['a', 'b', 'c'], [tie('a', 'b', 500), tie('c', 'b', 70)]);
    assert.deepEqual([s.length, s.bottleneck, s.total], [2, 70, 570]);
    assert.deepEqual(s.edges, ['pays|a|b', 'pays|c|b']);
  });

  it('keeps one path per entity sequence, in order, at most k', () => {
    const paths = [{ ids: ['a', 'b'] }, { ids: ['a', 'b'] }, { ids: ['a', 'c', 'b'] }, { ids: ['a', 'd', 'b'] }];
    assert.deepEqual(distinctPaths(paths, 2).map((p) => p.ids.join('')), ['ab', 'acb']);
    assert.equal(distinctPaths(paths, 5).length, 3);
  });
});

describe('shared identifiers in ring subgraphs', () => {
  it('adds one node per identifier and a uses edge per user', () => {
    const { nodes, ties } = identifierNodes([{ key: 'phone:1', type: 'phone', users: ['a', 'b'] }]);
    assert.deepEqual(nodes.map((n) => [n.key, n.attributes.kind, n.attributes.label]), [['identifier:phone:1', 'identifier', 'phone:1']]);
    assert.deepEqual(ties.map((t) => [t.source, t.target, t.kind]), [
      ['a', 'identifier:phone:1', 'uses'],
      ['b', 'identifier:phone:1', 'uses'],
    ]);
  });
});
