// Readiness probe: the server answers a query.
// Params: none. Returns: ok (1).
RETURN 1 AS ok
