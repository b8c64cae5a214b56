// FalkorDB: the indexed properties per label.
CALL db.indexes() YIELD label, properties
RETURN label, properties
