/**
 * Labels files for evaluation: `entity,label` per line, label −1 = bad and +1 = good (the REV2 format of
 * Bitcoin OTC's otc_gt.csv). No header required; a header line whose label is not a number is skipped.
 */

export interface LabelParseResult {
  /** Entity id (with the prefix applied) → true for good. */
  readonly labels: Map<string, boolean>;
  readonly problems: ReadonlyArray<{ readonly line: number; readonly reason: string }>;
}

export function parseLabels(text: string, idPrefix = ''): LabelParseResult {
  const labels = new Map<string, boolean>();
  const problems: Array<{ line: number; reason: string }> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [id, label] = line.split(',').map((s) => s.trim());
    if (!id || label === undefined)
      return void problems.push({ line: i + 1, reason: 'expected "entity,label"' });
    if (i === 0 && Number.isNaN(Number(label))) return;
    if (label !== '1' && label !== '+1' && label !== '-1')
      return void problems.push({ line: i + 1, reason: `label must be -1 or +1, got "${label}"` });
    labels.set(idPrefix + id, label !== '-1');
  });
  return { labels, problems };
}
