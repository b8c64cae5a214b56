// The next page of Industry keys after $after, in key order (key-range paging, no SKIP).
MATCH (n:Industry)
WHERE n.id > $after
RETURN n.id AS key
ORDER BY key
LIMIT $page
