// The chains in the graph (their segments are derived after each patent load).
MATCH (c:Chain)
RETURN c.id AS chain
ORDER BY chain
