// Every node of the graph, to check an import against its source.
MATCH (n)
RETURN count(n) AS nodes
