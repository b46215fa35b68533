import assert from 'node:assert/strict';
import { applySchema, getServerComponents, listConstraints, listIndexes } from '../../src/db/schema-repository.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { openTestRuntime } from '../helpers/runtime.js';

describe('Neo4j (real server)', () => {
  let rt: Runtime;
  before(async () => {
    rt = await openTestRuntime();
  });
  after(async () => rt?.close());

  it('is Neo4j kernel 5.26.x', async () => {
    const components = await getServerComponents(rt.db);
    const kernel = components.find((c) => c.name === 'Neo4j Kernel');
    assert.ok(kernel, `no Neo4j Kernel component in ${JSON.stringify(components)}`);
    assert.match(kernel.versions[0] ?? '', /^5\.26\.\d+/);
  });

  it('has every constraint and index of the data model after start-up', async () => {
    const constraints = new Map((await listConstraints(rt.db)).map((c) => [c.name, c]));
    for (const [name, label, prop] of [
      ['entity_id', 'Entity', 'id'],
      ['loan_id', 'Loan', 'id'],
      ['flag_id', 'Flag', 'id'],
      ['identifier_key', 'Identifier', 'key'],
      ['metrics_run_id', 'MetricsRun', 'id'],
      ['paid_id', 'PAID', 'id'],
      ['api_key_hash', 'ApiKey', 'hash'],
    ] as const) {
      const c = constraints.get(name);
      assert.ok(c, `constraint ${name} missing`);
      assert.deepEqual(c.labelsOrTypes, [label]);
      assert.deepEqual(c.properties, [prop]);
    }
    const indexes = new Map((await listIndexes(rt.db)).map((i) => [i.name, i]));
    for (const name of ['entity_kind', 'paid_at', 'loan_status', 'metrics_run_status']) {
      assert.equal(indexes.get(name)?.state, 'ONLINE', `index ${name} not online`);
    }
  });

  it('applying the schema twice changes nothing', async () => {
    const before = { c: await listConstraints(rt.db), i: await listIndexes(rt.db) };
    await applySchema(rt.db);
    await applySchema(rt.db);
    const after = { c: await listConstraints(rt.db), i: await listIndexes(rt.db) };
    assert.deepEqual(after, before);
  });
});
