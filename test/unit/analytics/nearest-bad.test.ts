import assert from 'node:assert/strict';
import { badHops, nearestBad, pathToNearestBad } from '../../../src/analytics/nearest-bad.js';
import { undirected } from './helpers.js';

const badOf = (n: number, bad: readonly number[]) => {
  const b = new Uint8Array(n);
  for (const v of bad) b[v] = 1;
  return b;
};

describe('analytics/nearest-bad', () => {
  it('measures hops along a path and stops at the hop limit', () => {
    // 0 - 1 - 2 - 3 - 4 - 5, bad: 0
    const rows = undirected(6, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    const r = nearestBad(rows, badOf(6, [0]), { maxHops: 3 });
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((v) => badHops(r, v)),
      [0, 1, 2, 3, 0, 0],
    );
    assert.deepEqual(pathToNearestBad(r, 3), [3, 2, 1, 0]);
    assert.equal(pathToNearestBad(r, 4), null);
    assert.equal(pathToNearestBad(r, 0), null, 'the only bad entity has no other bad entity');
  });

  it('follows edges in both directions', () => {
    // edges point away from the bad entity 2: 0 → 1 → 2 is read as undirected
    const rows = undirected(3, [
      [0, 1],
      [1, 2],
    ]);
    const r = nearestBad(rows, badOf(3, [2]));
    assert.deepEqual(pathToNearestBad(r, 0), [0, 1, 2]);
  });

  it('finds the nearest of several bad entities on a star', () => {
    // hub 0 with leaves 1..5; leaf 5 has a tail 5 - 6 - 7; bad: 3 and 7
    const rows = undirected(8, [
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
      [0, 5],
      [5, 6],
      [6, 7],
    ]);
    const r = nearestBad(rows, badOf(8, [3, 7]));
    assert.equal(badHops(r, 0), 1);
    assert.deepEqual(pathToNearestBad(r, 1), [1, 0, 3]);
    assert.deepEqual(pathToNearestBad(r, 6), [6, 7]);
    const tie = pathToNearestBad(r, 5); // 2 hops to 3 (via the hub) or to 7 (via 6)
    assert.ok(tie && (tie.join() === '5,0,3' || tie.join() === '5,6,7'), `tie path ${tie?.join()}`);
    assert.equal(badHops(r, 5), 2);
  });

  it("excludes an entity's own label: a bad entity's distance is to another bad entity", () => {
    // 0(bad) - 1 - 2(bad) - 3(bad), and 4(bad) alone with 5
    const rows = undirected(6, [
      [0, 1],
      [1, 2],
      [2, 3],
      [4, 5],
    ]);
    const r = nearestBad(rows, badOf(6, [0, 2, 3, 4]));
    assert.equal(badHops(r, 0), 2);
    assert.deepEqual(pathToNearestBad(r, 0), [0, 1, 2]);
    assert.deepEqual(pathToNearestBad(r, 2), [2, 3]);
    assert.deepEqual(pathToNearestBad(r, 3), [3, 2]);
    assert.equal(badHops(r, 4), 0, 'a bad entity whose only bad neighbour is itself');
    assert.deepEqual(pathToNearestBad(r, 5), [5, 4]);
  });

  it('passes through bad entities to reach farther ones and never lists a node twice', () => {
    // a ring 0..5, bad: 0 and 3; every path is simple and ends at a bad entity other than its start
    const rows = undirected(6, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 0],
    ]);
    const bad = badOf(6, [0, 3]);
    const r = nearestBad(rows, bad);
    for (let v = 0; v < 6; v++) {
      const path = pathToNearestBad(r, v);
      assert.ok(path, `node ${v} has a path`);
      assert.equal(new Set(path).size, path.length);
      assert.equal(path.length - 1, badHops(r, v));
      assert.equal(bad[path[path.length - 1]!], 1);
      assert.notEqual(path[path.length - 1], v);
    }
    assert.equal(badHops(r, 0), 3);
  });
});
