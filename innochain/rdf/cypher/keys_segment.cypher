// The next page of Segment keys after $after, in key order (key-range paging, no SKIP).
MATCH (n:Segment)
WHERE n.id > $after
RETURN n.id AS key
ORDER BY key
LIMIT $page
