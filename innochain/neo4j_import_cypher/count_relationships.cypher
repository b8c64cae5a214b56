// Every relationship of the graph, to check an import against its source.
MATCH ()-[r]->()
RETURN count(r) AS relationships
