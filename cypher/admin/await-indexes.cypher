// Waits (up to 300 s) until every index is online, so queries right after start-up use them.
// Params: none. Returns: nothing.
CALL db.awaitIndexes(300)
