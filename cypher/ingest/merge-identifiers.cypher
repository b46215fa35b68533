// Ingest: a batch of "entity uses identifier" links. An Identifier is unique by its key
// 'type:<hex HMAC of the normalised value>' and holds no value. One identifier links at most $maxGroup
// entities: the links past the cap are refused (conflicts) and the identifier is marked overShared
// (the snapshot ignores it: a value shared that widely is not a ring).
// Params: $rows: [{entity, type, key}], (entity, key) unique in the batch; $maxGroup (int, IDENTIFIER_MAX_GROUP).
// Returns: written (int, links new or already there),
//          conflicts ([{key: entity + '\u0000' + identifier key, kind: 'group-full', existing: users}]).
// A missing entity becomes a minimal Entity {kind: 'unknown', minimal: true}.
UNWIND $rows AS row
WITH row.key AS key, row.type AS type, collect(row.entity) AS entities
MERGE (i:Identifier {key: key})
  ON CREATE SET i.type = type
WITH i, key, entities, COUNT { (i)<-[:USES]-() } AS users
WITH i, key, users, entities,
     [id IN entities WHERE NOT EXISTS { (:Entity {id: id})-[:USES]->(i) }] AS fresh
WITH i, key, users, size(entities) - size(fresh) AS present, fresh,
     CASE WHEN $maxGroup > users THEN $maxGroup - users ELSE 0 END AS room
CALL (i, fresh, room) {
  UNWIND fresh[0..room] AS id
  MERGE (e:Entity {id: id})
    ON CREATE SET e.kind = 'unknown', e.minimal = true
  MERGE (e)-[:USES]->(i)
  RETURN count(*) AS linked
}
CALL (i, fresh, room) {
  WITH i WHERE size(fresh) > room
  SET i.overShared = true
}
WITH collect([id IN fresh[room..] | {key: id + '\u0000' + key, kind: 'group-full', existing: users + room}]) AS refused,
     sum(present + linked) AS written
RETURN written, reduce(all = [], r IN refused | all + r) AS conflicts
