/**
 * Erasure in the project's data folders (REJECTS_DIR, UPLOAD_DIR): every file line that names the entity
 * id — a rejects record, a CSV or NDJSON row of a stored upload, plain or gzip — is removed. A file is
 * rewritten through a temporary file beside it and renamed over the original only when a line was
 * removed, so an interrupted sweep leaves each file whole (old or new). Matching is per physical line:
 * a quoted CSV field spanning lines is only removed where its line names the id.
 */
import { createReadStream, createWriteStream, existsSync, readdirSync } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import { namesId } from '../erasure/redact.js';

export interface FileSweep {
  /** Files read. */
  readonly scanned: number;
  /** Files that named the id and were rewritten without those lines. */
  readonly rewritten: number;
  readonly linesRemoved: number;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(path);
    return e.isFile() && !e.name.includes('.erasing-') ? [path] : [];
  });
}

/** Lines of `path` (gunzipped when it ends .gz) that do not name `id`, written to `out`; returns lines removed. */
async function filterFile(path: string, out: string, id: string): Promise<number> {
  const gz = path.endsWith('.gz');
  const source = createReadStream(path);
  const input = gz ? source.pipe(createGunzip()) : source;
  const sink = createWriteStream(out);
  const zip = gz ? createGzip() : null;
  const target = zip ?? sink;
  if (zip) zip.pipe(sink);
  let removed = 0;
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (namesId(line, id)) removed++;
    else if (!target.write(`${line}\n`)) await once(target, 'drain');
  }
  target.end();
  await once(sink, 'close');
  return removed;
}

/** Does the file name `id` at all? (A cheap first pass, so files without it are never rewritten.) */
async function fileNamesId(path: string, id: string): Promise<boolean> {
  const source = createReadStream(path);
  const input = path.endsWith('.gz') ? source.pipe(createGunzip()) : source;
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) if (namesId(line, id)) return true;
    return false;
  } catch {
    // An unreadable file (a truncated or bad .gz upload): scanned as raw bytes instead.
    return fileNamesIdRaw(path, id);
  } finally {
    lines.close();
    source.destroy();
  }
}

async function fileNamesIdRaw(path: string, id: string): Promise<boolean> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) if (namesId(line, id)) return true;
  return false;
}

/** Removes the lines naming `id` from one file; returns the lines removed. */
async function sweepFile(path: string, id: string): Promise<number> {
  if (!(await fileNamesId(path, id))) return 0;
  const tmp = `${path}.erasing-${process.pid}`;
  try {
    const removed = await filterFile(path, tmp, id);
    await rename(tmp, path);
    return removed;
  } catch {
    // A file that cannot be decoded (a bad .gz) but names the id: it is of no use to the import either.
    await unlink(tmp).catch(() => {});
    await unlink(path);
    return 1;
  }
}

/** Removes every line naming `id` from the files under `dirs` (recursively). */
export async function eraseFromFiles(dirs: readonly string[], id: string): Promise<FileSweep> {
  let scanned = 0;
  let rewritten = 0;
  let linesRemoved = 0;
  for (const path of [...new Set(dirs)].flatMap(filesUnder)) {
    scanned++;
    const removed = await sweepFile(path, id);
    if (removed > 0) {
      rewritten++;
      linesRemoved += removed;
    }
  }
  return { scanned, rewritten, linesRemoved };
}
