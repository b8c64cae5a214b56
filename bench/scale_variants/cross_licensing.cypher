// The firm's distinct segments first, then their other holders: the paths are
// (segments x patents of a segment), not (own patents x patents of a segment).
MATCH (firm:Organization {id: $firm_id})-[:OWNS]->(:Patent)-[:IN_SEGMENT]->(s:Segment)
WITH DISTINCT firm, s
MATCH (s)<-[:IN_SEGMENT]-(:Patent)<-[:OWNS]-(partner:Organization {role: 'firm'})
WHERE partner.id <> firm.id
WITH DISTINCT firm, partner, s
ORDER BY s.order, s.id
WITH firm, partner, collect(s.id) AS shared_segments
OPTIONAL MATCH (firm)-[:OWNS]->(own:Patent)-[:IN_SEGMENT]->(s1:Segment)
WHERE s1.id IN shared_segments
WITH firm, partner, shared_segments, count(DISTINCT own) AS own_patents
OPTIONAL MATCH (partner)-[:OWNS]->(theirs:Patent)-[:IN_SEGMENT]->(s2:Segment)
WHERE s2.id IN shared_segments
WITH firm, partner, shared_segments, own_patents, count(DISTINCT theirs) AS partner_patents
RETURN partner.id AS partner_id, partner.name AS partner, shared_segments, own_patents,
       partner_patents,
       size([(firm)-[:OWNS]->(:Patent)-[:CITES]->(c:Patent)<-[:OWNS]-(partner) | c]) AS cites_partner,
       size([(partner)-[:OWNS]->(:Patent)-[:CITES]->(c:Patent)<-[:OWNS]-(firm) | c]) AS cited_by_partner,
       size([(firm)-[:COMPETES_WITH]-(partner) | 1]) > 0 AS competes,
       size([(firm)-[:PARTY_TO]->(k:Case)<-[:PARTY_TO]-(partner) | k]) AS disputes
ORDER BY size(shared_segments) DESC, partner_patents DESC, partner_id
