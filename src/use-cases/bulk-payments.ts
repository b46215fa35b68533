/**
 * The payments file of a bulk load, in one streaming pass: each valid row gets the driver path's repeat
 * check (checkRepeat over the same window as BatchLoader) and is written at once as a PAID line, with a
 * small record hashed by payment id (the check beyond the window) and one hashed by (payer, payee,
 * currency) (the PAYS aggregation). Pass 2 reads the id partitions: an id seen twice there escaped the
 * window — an exact repeat is dropped, other values are a reject, as the driver path's graph check does.
 * Pass 3 sums the pair partitions, skipping dropped rows, into PAYS lines.
 */
import { createReadStream, renameSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { checkRepeat, repeatConflictProblem } from '../ingest/conflicts.js';
import { DuplicateTracker, fnv1a } from '../ingest/duplicate-tracker.js';
import { paidLine, paysLine } from '../ingest/import-csv.js';
import type { PaymentRow } from '../ingest/record-types.js';
import { LineFile, partitionCountFor, Partitions } from './bulk-files.js';
import type { BulkSinkContext } from './bulk-sinks.js';
import type { RejectedRow } from './ingest-batch-loader.js';

export interface PaymentTally {
  loaded: number;
  repeats: number;
}

/** Loads payments into the context's `paid` and `pays` files; `rows` yields (line, row) of valid rows. */
export class BulkPayments {
  private readonly tracker: DuplicateTracker;
  private readonly ids: Partitions;
  private readonly pairs: Partitions;
  private accepted = 0;
  readonly tally: PaymentTally = { loaded: 0, repeats: 0 };

  constructor(
    private readonly ctx: BulkSinkContext,
    bytes: number,
    private readonly reject: (r: RejectedRow) => Promise<void>,
    duplicateWindow?: number,
  ) {
    this.tracker = new DuplicateTracker(duplicateWindow);
    this.ids = new Partitions(ctx.workDir, 'payment-ids', partitionCountFor(bytes / 3));
    this.pairs = new Partitions(ctx.workDir, 'pays', partitionCountFor(bytes / 2));
  }

  async add(at: number, row: PaymentRow): Promise<void> {
    const { verdict, problem } = checkRepeat(this.tracker, 'payments', row);
    if (verdict === 'repeat') {
      this.tally.repeats += 1;
      return;
    }
    if (problem) return this.reject({ at, original: row, problems: [problem] });
    const line = paidLine(row);
    const index = this.accepted++;
    this.ctx.out('paid').write(line);
    this.ids.write(row.id, `${row.id}\t${fnv1a(line)}\t${index}\t${at}\t${row.amountMinor}`);
    this.pairs.write(
      `${row.payer}\t${row.payee}\t${row.currency}`,
      `${row.payer}\t${row.payee}\t${row.currency}\t${row.scale}\t${row.amountMinor}\t${row.atMs}\t${index}`,
    );
    this.ctx.refs.refer(row.payer);
    this.ctx.refs.refer(row.payee);
  }

  /** Passes 2 and 3 (after the last row). */
  async finish(): Promise<void> {
    const dropped = await this.checkBeyondWindow();
    if (dropped.size > 0) await dropLines(this.ctx.out('paid'), dropped);
    this.tally.loaded = this.accepted - dropped.size;
    this.writePays(dropped);
  }

  private async checkBeyondWindow(): Promise<Set<number>> {
    this.ids.close();
    const dropped = new Set<number>();
    const { expected } = this.ctx;
    for (let i = 0; i < this.ids.count; i++) {
      const seen = new Map<string, string>();
      for (const record of this.ids.read(i)) {
        const [id = '', print = '', index, at, minor] = record.split('\t');
        const first = seen.get(id);
        if (first === undefined) {
          seen.set(id, print);
          expected.paid += 1;
          expected.paidMinor += Number(minor);
          continue;
        }
        dropped.add(Number(index));
        if (first === print) this.tally.repeats += 1;
        else
          await this.reject({
            at: Number(at),
            original: { id },
            problems: [repeatConflictProblem('payments', id)],
          });
      }
    }
    return dropped;
  }

  private writePays(dropped: ReadonlySet<number>): void {
    this.pairs.close();
    const { expected } = this.ctx;
    for (let i = 0; i < this.pairs.count; i++) {
      const sums = new Map<
        string,
        { f: string[]; count: number; minor: number; first: number; last: number }
      >();
      for (const record of this.pairs.read(i)) {
        const f = record.split('\t');
        if (dropped.size > 0 && dropped.has(Number(f[6]))) continue;
        const key = `${f[0]}\t${f[1]}\t${f[2]}`;
        const minor = Number(f[4]);
        const atMs = Number(f[5]);
        const s = sums.get(key);
        if (!s) sums.set(key, { f, count: 1, minor, first: atMs, last: atMs });
        else {
          s.count += 1;
          s.minor += minor;
          if (atMs < s.first) s.first = atMs;
          if (atMs > s.last) s.last = atMs;
        }
      }
      for (const { f, count, minor, first, last } of sums.values()) {
        const [payer = '', payee = '', currency = '', scale = '1'] = f;
        this.ctx.out('pays').write(
          paysLine({
            payer,
            payee,
            currency,
            scale: Number(scale),
            count,
            totalMinor: minor,
            firstMs: first,
            lastMs: last,
          }),
        );
        expected.pays += 1;
        expected.paysCount += count;
        expected.paysMinor += minor;
      }
    }
  }
}

/** Rewrites a finished output file without the data lines at the given indexes (0 = first after the header). */
async function dropLines(file: LineFile, dropped: ReadonlySet<number>): Promise<void> {
  file.close();
  const tmp = new LineFile(`${file.path}.tmp`);
  let index = -1;
  for await (const line of createInterface({ input: createReadStream(file.path), crlfDelay: Infinity })) {
    if (index < 0 || !dropped.has(index)) tmp.write(line);
    index += 1;
  }
  tmp.close();
  renameSync(tmp.path, file.path);
  file.lines -= dropped.size;
}
