// Each holder's patents grouped by the set of segments they are in: the sets flattened into
// `segment_set_members`, set i being members[starts[i]..ends[i]], with its patent count in
// `segment_set_patents[i]`. A count of distinct patents over any segments adds the counts
// of the sets that meet them, so a patent in several of those segments counts once.
MATCH (o:Organization)-[:OWNS]->(p:Patent)-[:IN_SEGMENT]->(s:Segment)
WITH DISTINCT o, p, s.id AS segment
ORDER BY segment
WITH o, p, collect(segment) AS members
WITH o, members, count(p) AS patents
// sets in a fixed order, so a second derive (or the other engine) writes the same lists
WITH o, members, patents, reduce(k = '', x IN members | k + x + '|') AS key
ORDER BY key
WITH o, collect(members) AS sets, collect(patents) AS counts
WITH o, sets, counts,
     reduce(acc = [], x IN sets | acc + [coalesce(last(acc), 0) + size(x)]) AS ends
SET o.segment_set_members = reduce(acc = [], x IN sets | acc + x),
    o.segment_set_ends = ends,
    o.segment_set_starts = [i IN range(0, size(sets) - 1) | ends[i] - size(sets[i])],
    o.segment_set_patents = counts
