/*
id: risk.firm_exposure
title: {zh: 园区企业风险暴露, en: Exposure per park firm}
description:
  zh: 每个园区企业所在环节中仅由国外持有的加权专利数、国外权利人数、其专利对国外专利的引用数、作为被告的案件数。是需要核查的暴露信号，不是法律结论。
  en: For each park firm — weighted patents held only abroad in its segments, the foreign holders, its citations to foreign patents, and cases naming it as defendant. An exposure signal to look into, not a legal conclusion.
task: 避险 risk
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
  firm_id: {type: str, ref: Organization, example: org:deneng,
            description: {zh: 只看此企业（留空为全部园区企业）, en: only this firm (empty for every park firm)}}
columns:
  firm_id: {type: str, zh: 企业 id, en: firm id}
  firm: {type: str, zh: 企业, en: firm}
  segments: {type: "list[str]", zh: 所在环节, en: segments it works in (chain order)}
  foreign_weighted: {type: float, zh: 国外加权专利数, en: weighted foreign-only patents in those segments}
  foreign_holders: {type: int, zh: 国外权利人数, en: foreign holders in those segments}
  cites_foreign: {type: int, zh: 引用国外专利数, en: its citations to foreign-held patents}
  cases_as_defendant: {type: int, zh: 被诉案件数, en: cases naming it as defendant}
*/
MATCH (park:Park {id: $park_id})
MATCH (firm:Organization {in_park: true, role: 'firm'})
WHERE $firm_id IS NULL OR firm.id = $firm_id
OPTIONAL MATCH (firm)-[:OWNS]->(:Patent)-[:IN_SEGMENT]->(owned:Segment {chain: park.chain})
WITH park, firm, collect(DISTINCT owned) AS by_patents
OPTIONAL MATCH (firm)-[:ACTIVE_IN]->(declared:Segment {chain: park.chain})
WITH park, firm, by_patents, collect(DISTINCT declared) AS by_declaration
UNWIND (by_patents + [d IN by_declaration WHERE NOT d IN by_patents]) AS s
// Foreign-only patents: no park and no domestic owner among their owners.
OPTIONAL MATCH (s)<-[r:IN_SEGMENT]-(p:Patent)<-[:OWNS]-(f:Organization)
WHERE coalesce(f.in_park, false) = false AND f.country IS NOT NULL AND f.country <> park.country
WITH park, firm, s, p, r, f,
     size([(p)<-[:OWNS]-(o:Organization)
           WHERE o.in_park = true OR o.country = park.country | o]) AS home_owners
WITH park, firm, s, CASE WHEN home_owners = 0 THEN f.id END AS holder,
     CASE WHEN home_owners = 0 THEN [p.id, r.weight] END AS share
WITH park, firm, s, collect(DISTINCT holder) AS holders, collect(DISTINCT share) AS shares
WITH park, firm, s, holders, reduce(t = 0.0, x IN shares | t + x[1]) AS weighted
ORDER BY s.order, s.id
WITH park, firm, collect(s.id) AS segments, sum(weighted) AS foreign_weighted,
     collect(holders) AS holder_lists
WITH park, firm, segments, foreign_weighted,
     reduce(acc = [], l IN holder_lists | acc + [h IN l WHERE NOT h IN acc]) AS holders
RETURN firm.id AS firm_id, firm.name AS firm, segments, foreign_weighted,
       size(holders) AS foreign_holders,
       size([(firm)-[:OWNS]->(:Patent)-[:CITES]->(cited:Patent)<-[:OWNS]-(fo:Organization)
             WHERE coalesce(fo.in_park, false) = false AND fo.country IS NOT NULL
               AND fo.country <> park.country | cited]) AS cites_foreign,
       size([(firm)-[pt:PARTY_TO]->(:Case) WHERE pt.side = 'defendant' | pt]) AS cases_as_defendant
ORDER BY foreign_weighted DESC, firm_id
