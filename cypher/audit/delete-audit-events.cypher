// Audit: delete the events of one API key (tests clean up what they made).
// Params: $keyId (string). Returns: deleted (int).
MATCH (a:AuditEvent {keyId: $keyId})
DELETE a
RETURN count(*) AS deleted
