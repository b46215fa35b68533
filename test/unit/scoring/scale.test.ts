import assert from 'node:assert/strict';
import {
  bandOf,
  clampScore,
  DEFAULT_SCALE,
  pdFromScore,
  scaleFactor,
  scaleOffset,
  scoreFromLogOdds,
} from '../../../src/scoring/scale.js';

describe('scoring/scale', () => {
  it('puts 600 at 19:1 good:bad odds (PD 5%) with 50 points to double the odds', () => {
    assert.ok(Math.abs(scaleFactor(DEFAULT_SCALE) - 50 / Math.LN2) < 1e-9);
    assert.ok(Math.abs(scoreFromLogOdds(Math.log(19)) - 600) < 1e-9);
    assert.ok(Math.abs(scoreFromLogOdds(Math.log(38)) - 650) < 1e-9);
    assert.ok(Math.abs(scoreFromLogOdds(Math.log(9.5)) - 550) < 1e-9);
    assert.ok(Math.abs(pdFromScore(600) - 0.05) < 1e-12);
    assert.ok(Math.abs(pdFromScore(650) - 1 / 39) < 1e-12);
  });

  it('computes the offset as anchor − factor × ln(anchor odds)', () => {
    assert.ok(Math.abs(scaleOffset(DEFAULT_SCALE) - (600 - (50 / Math.LN2) * Math.log(19))) < 1e-9);
  });

  it('honours a custom scale', () => {
    const scale = { anchorScore: 500, anchorOdds: 50, pdo: 20, min: 0, max: 1000 };
    assert.ok(Math.abs(scoreFromLogOdds(Math.log(100), scale) - 520) < 1e-9);
    assert.ok(Math.abs(pdFromScore(500, scale) - 1 / 51) < 1e-12);
  });

  it('rounds and clamps the reported score to the scale', () => {
    assert.equal(clampScore(1200), 950);
    assert.equal(clampScore(100), 350);
    assert.equal(clampScore(612.4), 612);
  });

  it('bands by PD', () => {
    assert.equal(bandOf(0.005), 'A');
    assert.equal(bandOf(0.02), 'B');
    assert.equal(bandOf(0.05), 'C');
    assert.equal(bandOf(0.1), 'D');
    assert.equal(bandOf(0.5), 'E');
  });
});
