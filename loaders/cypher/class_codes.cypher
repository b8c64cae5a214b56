// Every class code in the graph, to match against a chain's technology patterns in Python.
MATCH (c:CPC)
RETURN c.code AS code
