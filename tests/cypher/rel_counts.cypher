// Relationships per type (tests).
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS n
ORDER BY type
