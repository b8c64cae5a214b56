// The next page of Technology keys after $after, in key order (key-range paging, no SKIP).
MATCH (n:Technology)
WHERE n.id > $after
RETURN n.id AS key
ORDER BY key
LIMIT $page
