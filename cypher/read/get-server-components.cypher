// The server's name, versions and edition.
// Params: none. Returns: name, versions, edition.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions, edition
