// Ingest: a batch of ratings rater→ratee (RATED {id, rating, at}), a trading relationship whose rating is
// the outcome reported by the counterparty (negative = adverse). Keyed by id '<source>:<target>:<epoch ms>'.
// Params: $rows: [{id, source, target, rating, atMs}].
// Returns: written (int). Users are created as Entity {kind: 'person'} when new.
UNWIND $rows AS row
MERGE (a:Entity {id: row.source})
  ON CREATE SET a.kind = 'person'
MERGE (b:Entity {id: row.target})
  ON CREATE SET b.kind = 'person'
MERGE (a)-[r:RATED {id: row.id}]->(b)
SET r.rating = row.rating, r.at = datetime({epochMillis: toInteger(row.atMs)})
RETURN count(*) AS written
