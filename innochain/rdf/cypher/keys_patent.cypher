// The next page of Patent keys after $after, in key order (key-range paging, no SKIP).
MATCH (n:Patent)
WHERE n.id > $after
RETURN n.id AS key
ORDER BY key
LIMIT $page
