// The next page of Person keys after $after, in key order (key-range paging, no SKIP).
MATCH (n:Person)
WHERE n.id > $after
RETURN n.id AS key
ORDER BY key
LIMIT $page
