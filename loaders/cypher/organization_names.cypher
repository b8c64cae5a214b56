// Every organisation's id and names, to resolve the names a template cell gives.
MATCH (o:Organization)
RETURN o.id AS id, o.name AS name, o.name_en AS name_en, o.aliases AS aliases, o.uscc AS uscc
ORDER BY id
