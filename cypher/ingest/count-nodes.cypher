// Counts every node of the database (from the count store: constant time). A bulk first load refuses a
// database where this is not 0.
// Params: none. Returns: nodes (int).
MATCH (n)
RETURN count(n) AS nodes
