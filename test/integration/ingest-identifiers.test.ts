/**
 * Identifiers against the real Neo4j (issue 12.3): stored as `type:<HMAC of the normalised value>` with
 * no clear value anywhere; spellings of one value meet; placeholders are rejected rows; an identifier
 * links at most IDENTIFIER_MAX_GROUP entities (the rest are rejected rows and the identifier is marked
 * overShared, which the snapshot ignores); old clear-value identifiers are migrated idempotently.
 */
import assert from 'node:assert/strict';
import { readGraphSnapshot } from '../../src/db/snapshot-repository.js';
import { identifierKey } from '../../src/ingest/identifiers.js';
import { ingestFile, ingestRules } from '../../src/use-cases/ingest-file.js';
import { inspectMigrations, runMigrations } from '../../src/use-cases/ingest-migrate.js';
import { createOldShapeIdentifiers, listIdentifierLinks } from '../helpers/ingest-fixture-repository.js';
import { useIngestContext } from '../helpers/ingest-context.js';

const HASHED = /^(phone|device|address|account):[0-9a-f]{64}$/;

describe('ingest identifiers (Neo4j)', function () {
  this.timeout(120000);
  const ctx = useIngestContext('identifiers');
  const { prefix, file } = ctx;
  const secret = () => ctx.runtime.config.identifiers.hmacKey;

  it('stores keyed hashes of normalised values only, joins spellings of one value, rejects placeholders', async () => {
    const p = prefix('ids-hash');
    const summary = await ingestFile(
      ctx.runtime.db,
      'identifiers',
      file(
        'identifiers.csv',
        'entity,type,value\n' +
          'A,phone,+1 (555) 010-2030\n' +
          'B,phone,+15550102030\n' +
          'A,address,"12  Harbour Road,\nLeith"\n' +
          'C,address,"12 harbour road, leith"\n' +
          'C,address,N/A\n' +
          'D,account,000000\n' +
          'D,device,dev-7f3a\n',
      ),
      { ...ingestRules(ctx.runtime.config), idPrefix: p },
    );
    assert.equal(summary.rejected, 2, summary.firstErrors.join('\n'));
    assert.deepEqual(summary.firstErrors, [
      'identifiers.csv:7: value: "n/a" is a placeholder, not an identifier',
      'identifiers.csv:8: value: is one character repeated (a placeholder), not an identifier',
    ]);
    const links = await listIdentifierLinks(ctx.runtime.db, p);
    assert.deepEqual(
      links.map((l) => [l.entity, l.type]),
      [
        ['A', 'address'],
        ['A', 'phone'],
        ['B', 'phone'],
        ['C', 'address'],
        ['D', 'device'],
      ],
    );
    const phone = identifierKey('phone', '+15550102030', secret(), p);
    assert.deepEqual(links.filter((l) => l.key === phone).map((l) => l.entity), ['A', 'B']);
    const address = identifierKey('address', '12 harbour road, leith', secret(), p);
    assert.deepEqual(links.filter((l) => l.key === address).map((l) => l.entity), ['A', 'C']);
    for (const link of links) {
      assert.match(link.key, HASHED);
      for (const clear of ['555', 'harbour', 'dev-7f3a'])
        assert.ok(!link.props.some((prop) => prop.toLowerCase().includes(clear)), `${clear} stored: ${link.props.join(' ')}`);
    }
  });

  it('links at most IDENTIFIER_MAX_GROUP entities to one identifier; the snapshot ignores an over-shared one', async () => {
    const p = prefix('ids-cap');
    const rows = ['A', 'B', 'C', 'D', 'E'].map((e) => `${e},device,shared-switchboard`);
    const summary = await ingestFile(
      ctx.runtime.db,
      'identifiers',
      file('cap.csv', `entity,type,value\n${rows.join('\n')}\nA,phone,+44 20 7946 0000\nB,phone,+442079460000\n`),
      { ...ingestRules(ctx.runtime.config), identifierMaxGroup: 3, idPrefix: p, batchRows: 2 },
    );
    assert.equal(summary.rejected, 2);
    assert.match(summary.firstErrors[0] ?? '', /^cap\.csv:5: value: this identifier is already used by 3 entities \(the cap, IDENTIFIER_MAX_GROUP\)/);
    const links = await listIdentifierLinks(ctx.runtime.db, p);
    const device = links.filter((l) => l.type === 'device');
    assert.deepEqual(device.map((l) => l.entity), ['A', 'B', 'C']);
    assert.ok(device.every((l) => l.overShared === true));

    const snapshot = await readGraphSnapshot(ctx.runtime.db, { idPrefix: p, maxIdentifierShare: 3, asOfMs: Date.now() });
    const groups = snapshot.identifierGroups.map((g) => g.map((v) => snapshot.ids[v]).sort());
    assert.deepEqual(groups, [[`${p}A`, `${p}B`]], 'only the shared phone forms a group');
  });

  it('migrates clear-value identifiers to keyed hashes, idempotently, leaving invalid ones unless asked', async () => {
    const p = prefix('ids-migrate');
    await createOldShapeIdentifiers(ctx.runtime.db, p, [
      { entity: 'E1', type: 'phone', value: '+1 555 020 9999' },
      { entity: 'E2', type: 'phone', value: '+15550209999' },
      { entity: 'E3', type: 'address', value: 'N/A' },
      { entity: 'E4', type: 'device', value: 'dev-1' },
    ]);
    const options = { ...ingestRules(ctx.runtime.config), idPrefix: p };
    assert.deepEqual((await inspectMigrations(ctx.runtime.db, options)).identifiers, { clear: 4, invalid: 1, unmarkedOverShared: 0 });
    assert.deepEqual((await runMigrations(ctx.runtime.db, options)).identifiers, { clear: 4, invalid: 1, unmarkedOverShared: 0 });

    const phone = identifierKey('phone', '+15550209999', secret(), p);
    let links = await listIdentifierLinks(ctx.runtime.db, p);
    assert.deepEqual(links.filter((l) => l.key === phone).map((l) => l.entity), ['E1', 'E2'], 'two spellings merged');
    assert.equal(links.find((l) => l.entity === 'E4')?.key, identifierKey('device', 'dev-1', secret(), p));
    assert.equal(links.find((l) => l.entity === 'E3')?.key, `address:${p}N/A`, 'the invalid one is left and reported');

    assert.deepEqual((await runMigrations(ctx.runtime.db, { ...options, removeInvalid: true })).identifiers, {
      clear: 1,
      invalid: 1,
      unmarkedOverShared: 0,
    });
    links = await listIdentifierLinks(ctx.runtime.db, p);
    assert.equal(links.length, 3);
    assert.ok(links.every((l) => HASHED.test(l.key) && !l.props.some((prop) => prop.startsWith('id='))));
    assert.deepEqual((await runMigrations(ctx.runtime.db, options)).identifiers, { clear: 0, invalid: 0, unmarkedOverShared: 0 });

    // a later load of the same phone under the same prefix joins the migrated identifier
    await ingestFile(ctx.runtime.db, 'identifiers', file('later.csv', 'entity,type,value\nE5,phone,+1-555-020-9999\n'), options);
    const later = await listIdentifierLinks(ctx.runtime.db, p);
    assert.deepEqual(later.filter((l) => l.key === phone).map((l) => l.entity), ['E1', 'E2', 'E5']);
  });
});
