// The next page of Case keys after $after, in key order (key-range paging, no SKIP).
MATCH (n:Case)
WHERE n.id > $after
RETURN n.id AS key
ORDER BY key
LIMIT $page
