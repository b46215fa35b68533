import assert from 'node:assert/strict';
import { communityColour, edgeSize, formatAmount, nodeSize, NO_COMMUNITY_COLOUR } from '../../../src/ui/styling.js';

describe('web view styling', () => {
  it('gives a community the same colour every time, grey without one', () => {
    assert.equal(communityColour('17'), communityColour('17'));
    assert.match(communityColour('17'), /^#[0-9a-f]{6}$/);
    assert.equal(communityColour(null), NO_COMMUNITY_COLOUR);
    const colours = new Set(['1', '2', '3', '4', '5', '6'].map(communityColour));
    assert.ok(colours.size >= 4, `only ${colours.size} colours for 6 communities`);
  });

  it('sizes nodes 4..18 px by PageRank relative to the largest, 7 px without metrics', () => {
    assert.equal(nodeSize(0.2, 0.2), 18);
    assert.equal(nodeSize(0, 0.2), 4);
    assert.ok(Math.abs(nodeSize(0.05, 0.2) - (4 + 14 * 0.5)) < 1e-9);
    assert.equal(nodeSize(null, 0.2), 7);
    assert.equal(nodeSize(0.1, 0), 7);
  });

  it('widens edges 0.6..6 px on a log scale of the amount', () => {
    assert.equal(edgeSize(1000, 1000), 6);
    assert.equal(edgeSize(0, 1000), 0.6);
    assert.ok(edgeSize(100, 1000) > edgeSize(10, 1000));
    assert.equal(edgeSize(5, 0), 1);
  });

  it('formats minor units as an amount', () => {
    assert.equal(formatAmount(123456, 'EUR'), '1,234.56 EUR');
    assert.equal(formatAmount(null), '—');
  });
});
