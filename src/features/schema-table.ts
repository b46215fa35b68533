/** The feature schema as a Markdown table (docs/features.md embeds it; a test keeps the two equal). */
import { FEATURE_NAMES, FEATURE_SCHEMA_VERSION, FEATURE_SPECS, DIMENSIONS } from './schema.js';

const WHERE: Record<string, string> = {
  'own facts': 'the entity’s own payments, ratings, supply links, loans and flags',
  counterparties: 'the entity’s counterparties’ facts (flags, defaults, reports)',
  'metrics run': 'the metrics run (graph-wide computation)',
};

/** One row per feature: name, family, dimension, risk direction, window, source, definition. */
export function featureSchemaTable(): string {
  const rows = FEATURE_NAMES.map((name) => {
    const s = FEATURE_SPECS[name];
    return `| \`${name}\` | ${s.family} | ${DIMENSIONS[s.dimension]} | ${s.direction} | ${s.window ?? 'all history'} | ${WHERE[s.source]} | ${s.description} |`;
  });
  return [
    `Schema version \`${FEATURE_SCHEMA_VERSION}\`, ${FEATURE_NAMES.length} features, in stored order.`,
    '',
    '| feature | family | dimension | higher means | window | source | definition |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => r.replace('| riskier |', '| more risk |').replace('| safer |', '| less risk |').replace('| unknown |', '| (learned) |')),
  ].join('\n');
}
