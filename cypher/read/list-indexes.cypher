// Lists the database's indexes.
// Params: none. Returns: name, type, entityType, labelsOrTypes, properties, state.
SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state
RETURN name, type, entityType, labelsOrTypes, properties, state
ORDER BY name
