// The organisation's distinct classes first, then their other holders: the paths are
// (classes x patents of a class), not (own patents x patents of a class). Only ~10 % faster:
// the three comprehensions per partner dominate (see bench/README.md).
MATCH (org:Organization {id: $org_id})-[:OWNS]->(:Patent)-[:CLASSIFIED_AS]->(c:CPC)
WITH DISTINCT org, c
MATCH (c)<-[:CLASSIFIED_AS]-(:Patent)<-[:OWNS]-(partner:Organization)
WHERE partner.id <> org.id AND (partner.role = 'firm' OR partner.role = 'institute')
WITH DISTINCT org, partner, c.code AS code
ORDER BY code
WITH org, partner, collect(code) AS shared_classes
RETURN partner.id AS partner_id, partner.name AS partner, partner.role AS role,
       coalesce(partner.in_park, false) AS in_park, shared_classes,
       size([(org)-[:OWNS]->(p:Patent)<-[:OWNS]-(partner) | p]) AS co_owned,
       size([(org)-[:OWNS]->(:Patent)-[:CITES]->(q:Patent)<-[:OWNS]-(partner) | q]) AS cites_out,
       size([(partner)-[:OWNS]->(:Patent)-[:CITES]->(q:Patent)<-[:OWNS]-(org) | q]) AS cites_in
ORDER BY co_owned DESC, size(shared_classes) DESC, partner_id
