// The next page of Product keys after $after, in key order (key-range paging, no SKIP).
MATCH (n:Product)
WHERE n.id > $after
RETURN n.id AS key
ORDER BY key
LIMIT $page
