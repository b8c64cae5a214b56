// The parks in the graph (organisations link LOCATED_IN only to a park already loaded).
MATCH (p:Park)
RETURN p.id AS park
ORDER BY park
