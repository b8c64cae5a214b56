// The next page of Organization keys after $after, in key order (key-range paging, no SKIP).
MATCH (n:Organization)
WHERE n.id > $after
RETURN n.id AS key
ORDER BY key
LIMIT $page
