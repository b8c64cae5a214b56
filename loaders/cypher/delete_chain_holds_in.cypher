// Drop the HOLDS_IN summaries of one chain before writing them again.
MATCH (:Organization)-[h:HOLDS_IN]->(s:Segment {chain: $chain})
DELETE h
