/**
 * Loads a directory of ingest files (as written by `generateNetwork` or by hand: `<type>.csv` or
 * `<type>.ndjson`, optionally .gz) in dependency order: entities first, then identifiers, ownerships,
 * supplies, payments, loans, flags, ratings.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/driver.js';
import { ValidationError } from '../errors/app-error.js';
import type { RecordType } from '../ingest/record-types.js';
import {
  ingestFile,
  type IngestFileOptions,
  type IngestSummary,
  type ProgressListener,
} from './ingest-file.js';

/** The order files are loaded in. */
export const LOAD_ORDER: readonly RecordType[] = [
  'entities',
  'identifiers',
  'ownerships',
  'supplies',
  'payments',
  'loans',
  'flags',
  'ratings',
];

const EXTENSIONS = ['.csv', '.csv.gz', '.ndjson', '.ndjson.gz', '.jsonl', '.jsonl.gz'];

/** The ingest files present in `dir`, in load order. */
export function findNetworkFiles(dir: string): { type: RecordType; path: string }[] {
  return LOAD_ORDER.flatMap((type) => {
    const path = EXTENSIONS.map((ext) => join(dir, `${type}${ext}`)).find((p) => existsSync(p));
    return path ? [{ type, path }] : [];
  });
}

/**
 * Loads every ingest file of `dir`; `rejectsDir` (if given) receives `<type>.rejects.ndjson` files.
 * `onProgress` receives each file's type with its progress.
 */
export async function ingestNetwork(
  db: Database,
  dir: string,
  options: Omit<IngestFileOptions, 'rejectsPath' | 'format' | 'fileLabel'> & { rejectsDir?: string },
  onProgress: (type: RecordType, ...rest: Parameters<ProgressListener>) => void = () => {},
): Promise<IngestSummary[]> {
  const files = findNetworkFiles(dir);
  if (files.length === 0)
    throw new ValidationError(`no ingest files in ${dir}`, [
      { field: 'dir', reason: 'expected files such as entities.csv, payments.csv' },
    ]);
  const { rejectsDir, ...fileOptions } = options;
  const summaries: IngestSummary[] = [];
  for (const { type, path } of files) {
    const rejectsPath = rejectsDir ? join(rejectsDir, `${type}.rejects.ndjson`) : null;
    summaries.push(
      await ingestFile(db, type, path, { ...fileOptions, rejectsPath }, (p) => onProgress(type, p)),
    );
  }
  return summaries;
}
