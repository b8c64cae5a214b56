// The next page of CPC keys after $after, in key order (key-range paging, no SKIP).
MATCH (n:CPC)
WHERE n.code > $after
RETURN n.code AS key
ORDER BY key
LIMIT $page
