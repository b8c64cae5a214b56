// FalkorDB: the constraints the graph has.
CALL db.constraints() YIELD type, label, properties
RETURN type, label, properties
