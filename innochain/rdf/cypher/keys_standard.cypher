// The next page of Standard keys after $after, in key order (key-range paging, no SKIP).
MATCH (n:Standard)
WHERE n.id > $after
RETURN n.id AS key
ORDER BY key
LIMIT $page
