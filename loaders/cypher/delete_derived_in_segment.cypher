// Drop the derived segment memberships of one page of patents before writing them again.
UNWIND $patents AS id
MATCH (p:Patent {id: id})-[r:IN_SEGMENT]->(:Segment)
WHERE r.source = $source
DELETE r
