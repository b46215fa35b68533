/** The real Bitcoin OTC trust network (SNAP format, gzip, no header) loads completely. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countIngested, deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { ingestFile, ingestRules } from '../../src/use-cases/ingest-file.js';
import { openTestRuntime, uniquePrefix } from '../helpers/runtime.js';

const OTC = fileURLToPath(
  new URL('../../../shared/data/bitcoin-otc/soc-sign-bitcoinotc.csv.gz', import.meta.url),
);

describe('ingest ratings (Bitcoin OTC)', function () {
  this.timeout(600000);
  let runtime: Runtime;
  const p = uniquePrefix('ingest-otc');

  before(async function () {
    if (!existsSync(OTC)) this.skip();
    runtime = await openTestRuntime();
  });
  after(async () => {
    if (!runtime) return;
    await deleteByPrefix(runtime.db, p);
    await runtime.close();
  });

  it('maps 5,881 users to entities and 35,592 ratings to RATED relationships', async () => {
    const summary = await ingestFile(runtime.db, 'ratings', OTC, {
      ...ingestRules(runtime.config),
      idPrefix: p,
      rejectsPath: null,
      batchRows: 5000,
    });
    assert.equal(summary.rejected, 0, summary.firstErrors.join('\n'));
    assert.equal(summary.rows, 35592);
    const counts = await countIngested(runtime.db, p);
    assert.equal(counts.entities, 5881);
    assert.equal(counts.rated, 35592);
  });
});
