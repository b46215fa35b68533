// Migration (idempotent): re-keys old Identifiers (key 'type:<value>', value in `id`) as
// 'type:<hex HMAC of the normalised value>' without the value. The entities that used the old one use the
// new one (identifiers whose values normalise alike merge); an old identifier whose value is a placeholder
// or invalid under the current rules (newKey null) is removed with its links.
// Params: $rows: [{oldKey, newKey (string or null), type}].
// Returns: rekeyed (int, old identifiers re-keyed), removed (int, old identifiers removed), links (int, USES now on new keys).
UNWIND $rows AS row
MATCH (old:Identifier {key: row.oldKey})
WITH row, old, [(e:Entity)-[:USES]->(old) | e] AS users
DETACH DELETE old
WITH row, users
CALL (row, users) {
  WITH row, users WHERE row.newKey IS NOT NULL
  MERGE (i:Identifier {key: row.newKey})
    ON CREATE SET i.type = row.type
  WITH i, users
  UNWIND users AS e
  MERGE (e)-[:USES]->(i)
  RETURN count(*) AS links
}
RETURN count(CASE WHEN row.newKey IS NOT NULL THEN 1 END) AS rekeyed,
       count(CASE WHEN row.newKey IS NULL THEN 1 END) AS removed,
       sum(links) AS links
