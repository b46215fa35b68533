/** Leakage: labels never reach features; protocols hide what produced the labels from every labelled entity. */
import assert from 'node:assert/strict';
import { FactsBuilder } from '../../../src/analytics/facts-builder.js';
import { assembleSnapshot } from '../../../src/analytics/snapshot.js';
import { loadConfig } from '../../../src/config/index.js';
import { seededRng } from '../../../src/scoring/rng.js';
import { labelledSample, type OutcomeSource } from '../../../src/use-cases/labelled-sample.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });

/** A rating network: an authority A rates some users, users trade (rate) among themselves over a year. */
function network() {
  const rng = seededRng(3);
  const b = new FactsBuilder();
  const users = Array.from({ length: 40 }, (_, i) => `u${i}`);
  b.indexOf('A');
  users.forEach((u) => b.indexOf(u));
  for (let k = 0; k < 300; k++) {
    const x = users[Math.floor(rng() * users.length)]!;
    const y = users[Math.floor(rng() * users.length)]!;
    if (x !== y) b.rating(b.indexOf(x), b.indexOf(y), rng() < 0.8 ? 3 : -4, T0 + Math.floor(rng() * 360) * DAY);
  }
  users.slice(0, 20).forEach((u, i) => b.rating(b.indexOf('A'), b.indexOf(u), i % 2 ? 8 : -8, T0 + 100 * DAY));
  const facts = b.finish();
  return assembleSnapshot(b.ids, facts, [], Number.MAX_SAFE_INTEGER);
}

const labelsOf = (flip: string | null) => new Map(Array.from({ length: 20 }, (_, i) => [`u${i}`, (i % 2 === 1) !== (flip === `u${i}`)] as const));

const source = (protocol: 'none' | 'full' | 'thin-file', flip: string | null): OutcomeSource => ({
  kind: 'labels',
  labels: labelsOf(flip),
  name: 't',
  asOfMs: T0 + 400 * DAY,
  protocol,
  authority: 'A',
});

describe('use-cases/labelled-sample: leakage', () => {
  const snapshot = network();

  for (const protocol of ['none', 'full', 'thin-file'] as const) {
    it(`never lets an entity's label change any entity's features (protocol ${protocol})`, () => {
      const a = labelledSample(snapshot, config, source(protocol, null), 42);
      for (const flip of ['u0', 'u7']) {
        const b = labelledSample(snapshot, config, source(protocol, flip), 42);
        assert.equal(b.rows.find((r) => r.id === flip)!.bad, !a.rows.find((r) => r.id === flip)!.bad);
        assert.deepEqual(
          b.rows.map((r) => r.features),
          a.rows.map((r) => r.features),
        );
      }
    });
  }

  it('hides the authority circle’s ratings from every labelled entity under full, and every received rating under thin-file', () => {
    const none = labelledSample(snapshot, config, source('none', null), 42);
    const full = labelledSample(snapshot, config, source('full', null), 42);
    const thin = labelledSample(snapshot, config, source('thin-file', null), 42);
    const reported = (s: typeof none, id: string) => s.rows.find((r) => r.id === id)!.features.values.reportedCount!;
    for (const id of ['u0', 'u1', 'u19']) {
      assert.ok(reported(full, id) < reported(none, id), `${id}: the authority's rating is hidden`);
      assert.equal(reported(thin, id), 0);
    }
    assert.equal(full.mask.targets, 20);
    assert.equal(thin.mask.sources, 'all');
    assert.equal(none.mask.targets, 0);
  });
});
