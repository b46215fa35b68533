/**
 * Live signals after ingest: the runtime's load observer recomputes the touched entities' degrees and
 * PAYS strengths once per load (not after every batch), and earlier when many ids are pending.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import type { Database } from '../../src/db/driver.js';
import { updateTouchedEntities } from '../../src/db/metrics-repository.js';
import { getEntitySignals } from '../../src/db/signals-repository.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { ingestFile, ingestRules } from '../../src/use-cases/ingest-file.js';
import { TouchedEntitiesObserver } from '../../src/use-cases/update-touched-entities.js';
import { openTestRuntime, uniquePrefix } from '../helpers/runtime.js';

describe('live signals of ingested entities', function () {
  this.timeout(60000);
  let runtime: Runtime;
  let dir: string;
  const prefix = uniquePrefix('live');

  before(async () => {
    runtime = await openTestRuntime();
    dir = mkdtempSync(join(tmpdir(), 'cg-live-'));
  });
  after(async () => {
    await deleteByPrefix(runtime.db, prefix);
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are up to date when a load of several batches returns', async () => {
    const file = join(dir, 'payments.csv');
    writeFileSync(
      file,
      'id,payer,payee,amount,currency,at\n' +
        'P1,A,B,10.00,USD,2024-01-01\nP2,A,B,5.50,USD,2024-02-01\nP3,A,C,1.00,USD,2024-03-01\nP4,C,A,2.00,USD,2024-04-01\n',
    );
    const summary = await ingestFile(runtime.db, 'payments', file, { ...ingestRules(runtime.config), idPrefix: prefix, batchRows: 1 });
    assert.equal(summary.batches, 4);
    const a = await getEntitySignals(runtime.db, `${prefix}A`);
    assert.equal(a?.live.degreeOut, 2);
    assert.equal(a?.live.degreeIn, 1);
    assert.equal(a?.live.strengthOut, 1650);
    assert.equal(a?.live.strengthIn, 200);
    assert.equal(a?.stale, true);
    assert.match(a?.live.lastPaymentAt ?? '', /^2024-04-01T00:00:00/);
  });

  it('gathers touched ids and updates them when enough are pending, then at the end', async () => {
    const event = (ids: string[]) => ({
      type: 'payments' as const,
      rows: 1,
      written: 1,
      touchedEntityIds: ids.map((id) => `${prefix}${id}`),
    });
    const observer = new TouchedEntitiesObserver(runtime.db, { maxPending: 3, maxAgeMs: 60_000 });
    await observer.batch(event(['A', 'B']));
    await observer.batch(event(['A', 'B']));
    assert.equal(observer.updated, 0, 'two distinct ids pending: nothing updated yet');
    await observer.batch({ ...event(['C']), type: 'loans' });
    assert.equal(observer.updated, 0, 'loans do not change degrees');
    await observer.batch(event(['C']));
    assert.equal(observer.updated, 3, 'three pending: updated at once');
    await observer.batch(event(['B']));
    await observer.end();
    assert.equal(observer.updated, 4);
    await observer.end();
    assert.equal(observer.updated, 4, 'nothing pending: nothing to do');
  });

  it('updates once the oldest pending id is old enough, spacing updates by their duration', async () => {
    let now = 0;
    const clock = () => now;
    // the real update, which "takes" 500 ms on the test's clock
    const update = async (db: Database, ids: readonly string[]) => {
      const n = await updateTouchedEntities(db, ids);
      now += 500;
      return n;
    };
    const observer = new TouchedEntitiesObserver(runtime.db, {
      maxAgeMs: 1000,
      dutyFactor: 4,
      now: clock,
      update,
    });
    const event = { type: 'payments' as const, rows: 1, written: 1, touchedEntityIds: [`${prefix}A`] };
    await observer.batch(event);
    now = 999;
    await observer.batch(event);
    assert.equal(observer.updated, 0);
    now = 1000;
    await observer.batch(event);
    assert.equal(observer.updated, 1, 'pending for 1000 ms: updated (in 500 ms)');
    const after = now;
    await observer.batch(event);
    now = after + 1999;
    await observer.batch(event);
    assert.equal(observer.updated, 1, 'the next update waits 4 × 500 ms, more than maxAgeMs');
    now = after + 2000;
    await observer.batch(event);
    assert.equal(observer.updated, 2);
  });
});
