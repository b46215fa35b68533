// Local facts (as-of scoring, refresh after ingest): the focus entities that exist, with kind and opening date.
// Params: $ids ([string] focus entity ids).
// Returns: id, kind, openedAtMs (epoch ms or null).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.kind AS kind, e.openedAt.epochMillis AS openedAtMs
