/**
 * Where the accepted rows of a bulk load go, one sink per record type: each writes what the type's
 * merge statement (cypher/ingest/merge-*.cypher) would store, counts it, and records the entities it
 * refers to. The identifier sink applies the group cap (IDENTIFIER_MAX_GROUP) as merge-identifiers does;
 * payments have their own streaming path (bulk-payments.ts).
 */
import type { IngestedCounts } from '../db/ingest-stats-repository.js';
import type { FieldProblem } from '../errors/app-error.js';
import { graphConflictProblem } from '../ingest/conflicts.js';
import {
  entityLine,
  flagLine,
  hasLineBreak,
  identifierLine,
  linkLine,
  loanLine,
  ownershipLine,
  ratedLine,
  referredEntityLine,
  supplyLine,
  type ImportFileName,
} from '../ingest/import-csv.js';
import { RECORD_SPECS } from '../ingest/record-specs.js';
import type { RecordType, RowByType } from '../ingest/record-types.js';
import { LineFile, Partitions } from './bulk-files.js';

/** Most ids remembered as already recorded (then forgotten all at once; a repeat record is harmless). */
const SEEN_IDS = 2_000_000;

/**
 * The entities a load declares or refers to, hashed by id into partitions: `D` declared (entities file),
 * `R` referred to by a file other than ratings (a minimal `unknown` entity), `P` referred to by ratings
 * only (a `person`, as merge-ratings creates users). Records are written in load order, so the first
 * record of an id is what the driver path would have made of it.
 */
export class EntityRefs {
  private readonly parts: Partitions;
  private seen = new Set<string>();

  constructor(workDir: string, count: number) {
    this.parts = new Partitions(workDir, 'entity-refs', count);
  }

  private record(id: string, mark: 'D' | 'R' | 'P'): void {
    if (this.seen.has(id)) return;
    if (this.seen.size >= SEEN_IDS) this.seen = new Set();
    this.seen.add(id);
    this.parts.write(id, `${mark}${id}`);
  }

  declare(id: string): void {
    this.record(id, 'D');
  }

  refer(id: string, fromRatings = false): void {
    this.record(id, fromRatings ? 'P' : 'R');
  }

  /** Writes every entity referred to but not declared; adds them to `expected`. */
  writeReferredEntities(out: LineFile, expected: IngestedCounts): void {
    this.seen = new Set();
    this.parts.close();
    for (let i = 0; i < this.parts.count; i++) {
      const first = new Map<string, string>();
      for (const line of this.parts.read(i)) {
        const id = line.slice(1);
        if (!first.has(id)) first.set(id, line[0] as string);
      }
      for (const [id, mark] of first) {
        if (mark === 'D') continue;
        out.write(referredEntityLine(id, mark === 'P'));
        expected.entities += 1;
        if (mark === 'R') expected.minimalEntities += 1;
      }
    }
  }
}

export interface BulkSinkContext {
  readonly out: (name: ImportFileName) => LineFile;
  readonly refs: EntityRefs;
  readonly expected: IngestedCounts;
  readonly maxGroup: number;
  readonly workDir: string;
  multiline: boolean;
}

export interface BulkSink<T extends RecordType> {
  /** The key rows are partitioned by before the repeat check. */
  partitionKey(row: RowByType[T]): string;
  /** Writes an accepted row; returns the problem when the row is refused (identifier group cap). */
  accept(row: RowByType[T]): FieldProblem | undefined;
  /** After each partition of the repeat pass. */
  endPartition?(): void;
}

/** Payments have their own path (bulk-payments.ts). */
export type SinkType = Exclude<RecordType, 'payments'>;

type Sinks = { [T in SinkType]: BulkSink<T> };

const byKey =
  <T extends RecordType>(type: T) =>
  (row: RowByType[T]): string =>
    RECORD_SPECS[type].key(row);

/** The sink of every record type, writing into the context's files. */
export function createBulkSinks(ctx: BulkSinkContext): Sinks {
  const { out, refs, expected } = ctx;
  return {
    entities: {
      partitionKey: byKey('entities'),
      accept: (row) => {
        out('entities').write(entityLine(row));
        refs.declare(row.id);
        expected.entities += 1;
        return undefined;
      },
    },
    identifiers: identifierSink(ctx),
    ownerships: {
      partitionKey: byKey('ownerships'),
      accept: (row) => {
        out('ownerships').write(ownershipLine(row));
        refs.refer(row.person);
        refs.refer(row.business);
        if (row.role === 'owns') expected.owns += 1;
        else expected.directs += 1;
        return undefined;
      },
    },
    supplies: {
      partitionKey: byKey('supplies'),
      accept: (row) => {
        out('supplies').write(supplyLine(row));
        refs.refer(row.supplier);
        refs.refer(row.buyer);
        expected.supplies += 1;
        return undefined;
      },
    },
    loans: {
      partitionKey: byKey('loans'),
      accept: (row) => {
        out('loans').write(loanLine(row));
        out('borrowed').write(linkLine(row.borrower, row.id));
        refs.refer(row.borrower);
        if (row.lender !== null) {
          out('lent').write(linkLine(row.lender, row.id));
          refs.refer(row.lender);
        }
        expected.loans += 1;
        expected.borrowed += 1;
        return undefined;
      },
    },
    flags: {
      partitionKey: byKey('flags'),
      accept: (row) => {
        out('flags').write(flagLine(row));
        out('flagged').write(linkLine(row.entity, row.id));
        refs.refer(row.entity);
        ctx.multiline ||= hasLineBreak(row.reason);
        expected.flags += 1;
        expected.flagged += 1;
        return undefined;
      },
    },
    ratings: {
      partitionKey: byKey('ratings'),
      accept: (row) => {
        out('rated').write(ratedLine(row));
        refs.refer(row.source, true);
        refs.refer(row.target, true);
        expected.rated += 1;
        return undefined;
      },
    },
  };
}

/**
 * Links entity → identifier in file order; an identifier already linked to `maxGroup` entities refuses
 * further links (the row is rejected as merge-identifiers refuses it) and is marked overShared.
 */
function identifierSink(ctx: BulkSinkContext): BulkSink<'identifiers'> {
  let groups = new Map<string, { type: string; users: number; overShared: boolean }>();
  return {
    partitionKey: (row) => row.key,
    accept: (row) => {
      let group = groups.get(row.key);
      if (!group) groups.set(row.key, (group = { type: row.type, users: 0, overShared: false }));
      if (group.users >= ctx.maxGroup) {
        group.overShared = true;
        const key = RECORD_SPECS.identifiers.key(row);
        return graphConflictProblem('identifiers', { key, kind: 'group-full', existing: ctx.maxGroup });
      }
      group.users += 1;
      ctx.out('uses').write(linkLine(row.entity, row.key));
      ctx.refs.refer(row.entity);
      ctx.expected.uses += 1;
      return undefined;
    },
    endPartition: () => {
      for (const [key, g] of groups) ctx.out('identifiers').write(identifierLine(key, g.type, g.overShared));
      ctx.expected.identifiers += groups.size;
      groups = new Map();
    },
  };
}
