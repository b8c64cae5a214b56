// The next page of Chain keys after $after, in key order (key-range paging, no SKIP).
MATCH (n:Chain)
WHERE n.id > $after
RETURN n.id AS key
ORDER BY key
LIMIT $page
