/**
 * Converts values coming out of neo4j-driver into plain JavaScript: Integer → number (or string when
 * it exceeds 2^53), temporal types → ISO-8601 strings, nodes and relationships → their properties.
 * Nothing of the driver's types leaves src/db.
 */
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** One value from the driver as a plain value. */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value !== 'object') return value as Plain;
  if (Array.isArray(value)) return value.map(toPlain);
  if (isTemporal(value)) return temporalToString(value);
  if (neo4j.isNode(value as never) || neo4j.isRelationship(value as never)) {
    return toPlain((value as { properties: object }).properties);
  }
  if (neo4j.isPath(value as never)) return toPlain((value as { segments: unknown[] }).segments);
  const out: { [key: string]: Plain } = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
}

function isTemporal(v: object): boolean {
  return (
    neo4j.isDateTime(v as never) ||
    neo4j.isDate(v as never) ||
    neo4j.isLocalDateTime(v as never) ||
    neo4j.isTime(v as never) ||
    neo4j.isLocalTime(v as never) ||
    neo4j.isDuration(v as never)
  );
}

function temporalToString(v: object): string {
  if (neo4j.isDateTime(v as never)) {
    const dt = v as unknown as { toStandardDate(): Date };
    return dt.toStandardDate().toISOString();
  }
  return String(v);
}

/** A record as a plain object keyed by column. */
export function recordToObject<T = Record<string, Plain>>(record: Neo4jRecord): T {
  const out: Record<string, Plain> = {};
  for (const key of record.keys) out[String(key)] = toPlain(record.get(key));
  return out as T;
}
