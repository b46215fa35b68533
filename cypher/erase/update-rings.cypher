// Erasure: rings of every run that name the entity as a member. A payment cycle without one of its members
// is no cycle: it is deleted. A shared-identifier group loses the member (its id, `shared:<first member>`,
// follows the new first member) and is deleted when fewer than 2 remain. Members of deleted rings get
// their EntityMetrics.ringCount of that run lowered by one; `bad` drops by one when the erased member was
// bad in that run (badHops = 0). Ring risk is left as computed; the next metrics run recomputes it.
// Params: $id (entity id). Must run before the entity's EntityMetrics are deleted.
// Returns: updated (int, rings that kept their other members), deleted (int).
MATCH (g:Ring) WHERE $id IN g.members
OPTIONAL MATCH (x:EntityMetrics {key: g.runId + ':' + $id})
WITH g, [m IN g.members WHERE m <> $id] AS rest, coalesce(x.badHops = 0, false) AS wasBad
WITH g, rest, wasBad, g.kind = 'cycle' OR size(rest) < 2 AS dissolve
CALL (g, rest, dissolve) {
  WITH g, rest WHERE dissolve
  UNWIND rest AS member
  MATCH (m:EntityMetrics {key: g.runId + ':' + member})
  SET m.ringCount = CASE WHEN m.ringCount > 0 THEN m.ringCount - 1 ELSE 0 END
}
CALL (g, rest, dissolve, wasBad) {
  WITH g, rest, wasBad WHERE NOT dissolve
  SET g.members = rest, g.size = size(rest),
      g.bad = CASE WHEN wasBad AND g.bad > 0 THEN g.bad - 1 ELSE g.bad END,
      g.id = 'shared:' + rest[0], g.key = g.runId + ':shared:' + rest[0]
}
CALL (g, dissolve) {
  WITH g WHERE dissolve
  DETACH DELETE g
}
RETURN count(CASE WHEN NOT dissolve THEN 1 END) AS updated, count(CASE WHEN dissolve THEN 1 END) AS deleted
