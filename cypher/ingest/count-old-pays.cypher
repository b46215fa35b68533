// Migration check: PAYS of the old shape under an id prefix (before PAYS were kept per currency): those
// carrying `scale` or `mixedCurrency`, and among them the mixed-currency ones that must be split.
// Params: $prefix (string; '' = whole graph).
// Returns: oldShape (int), mixed (int).
MATCH (a:Entity)-[p:PAYS]->(:Entity)
WHERE a.id STARTS WITH $prefix AND (p.scale IS NOT NULL OR p.mixedCurrency IS NOT NULL)
RETURN count(p) AS oldShape, count(CASE WHEN p.mixedCurrency = true THEN 1 END) AS mixed
