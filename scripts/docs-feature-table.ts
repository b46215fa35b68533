/**
 * Rewrites the feature table of docs/features.md (between its BEGIN/END markers) from the schema in
 * src/features/schema.ts: `npx tsx scripts/docs-feature-table.ts`. test/unit/features/schema-docs.test.ts
 * fails when the page and the schema disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { featureSchemaTable } from '../src/features/schema-table.js';

export const FEATURES_DOC = fileURLToPath(new URL('../docs/features.md', import.meta.url));
export const BEGIN = '<!-- BEGIN feature table (scripts/docs-feature-table.ts) -->';
export const END = '<!-- END feature table -->';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = readFileSync(FEATURES_DOC, 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${FEATURES_DOC} has no ${BEGIN} … ${END} section`);
  writeFileSync(FEATURES_DOC, `${text.slice(0, start + BEGIN.length)}\n${featureSchemaTable()}\n${text.slice(end)}`);
  console.log('docs/features.md: feature table rewritten');
}
