// The next page of Park keys after $after, in key order (key-range paging, no SKIP).
MATCH (n:Park)
WHERE n.id > $after
RETURN n.id AS key
ORDER BY key
LIMIT $page
