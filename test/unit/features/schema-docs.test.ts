import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { featureSchemaTable } from '../../../src/features/schema-table.js';
import { BEGIN, END, FEATURES_DOC } from '../../../scripts/docs-feature-table.js';

describe('docs/features.md', () => {
  it('holds the feature table of the current schema (npx tsx scripts/docs-feature-table.ts rewrites it)', () => {
    const text = readFileSync(FEATURES_DOC, 'utf8');
    const start = text.indexOf(BEGIN);
    const end = text.indexOf(END);
    assert.ok(start >= 0 && end > start, 'the page has the table markers');
    assert.equal(text.slice(start + BEGIN.length, end).trim(), featureSchemaTable().trim());
  });
});
