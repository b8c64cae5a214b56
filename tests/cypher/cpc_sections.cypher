// Section-level class nodes (they have no parent).
MATCH (c:CPC)
WHERE c.level = 'section'
RETURN c.code AS code
