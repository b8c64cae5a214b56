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
// Reads the materialised values (docs/graph-model.md): the firm's segments from HOLDS_IN and
// ACTIVE_IN; per segment the foreign-only weight from Segment.country_foreign_weighted at the
// park's country; the foreign holders from HOLDS_IN.outside_patents/outside_countries (a
// holder with a patent there that no park owner and no owner of the park's country shares),
// counted once per set of such segments and added up per firm over the sets that meet its
// segments; citations from CITES_HOLDER.
MATCH (park:Park {id: $park_id})
OPTIONAL MATCH (held:Segment {chain: park.chain})<-[h:HOLDS_IN]-(f:Organization)
WHERE coalesce(f.in_park, false) = false AND f.country IS NOT NULL AND f.country <> park.country
  AND h.outside_patents > 0 AND NOT park.country IN coalesce(h.outside_countries, [])
WITH park, f, held
ORDER BY held.id
WITH park, f, collect(held.id) AS held_in
WITH park, held_in, reduce(k = '', x IN held_in | k + x + '|') AS key, f
WITH park, key, head(collect(held_in)) AS held_in, count(f) AS holders
WITH park, collect([held_in, holders]) AS holder_sets
MATCH (firm:Organization {in_park: true, role: 'firm'})
WHERE $firm_id IS NULL OR firm.id = $firm_id
OPTIONAL MATCH (firm)-[:HOLDS_IN]->(owned:Segment {chain: park.chain})
WITH park, holder_sets, firm, collect(DISTINCT owned) AS by_patents
OPTIONAL MATCH (firm)-[:ACTIVE_IN]->(declared:Segment {chain: park.chain})
WITH park, holder_sets, firm, by_patents, collect(DISTINCT declared) AS by_declaration
UNWIND (by_patents + [d IN by_declaration WHERE NOT d IN by_patents]) AS s
WITH park, holder_sets, firm, s
ORDER BY s.order, s.id
WITH park, holder_sets, firm, collect(s) AS segs
WITH park, holder_sets, segs, [s IN segs | s.id] AS segments, collect(firm) AS firms
// Foreign-only: owners known, none in the park or of the park's country (all of the segment's
// known-owner weight outside the park when no owner is of that country).
WITH park, segments, firms,
     reduce(t = 0.0, s IN segs |
       t + CASE WHEN park.country IS NULL THEN 0.0
                WHEN park.country IN coalesce(s.country_codes, [])
                THEN [i IN range(0, size(s.country_codes) - 1)
                      WHERE s.country_codes[i] = park.country
                      | s.country_foreign_weighted[i]][0]
                ELSE coalesce(s.known_weighted, 0.0) END) AS foreign_weighted,
     reduce(t = 0, x IN holder_sets |
       t + CASE WHEN any(y IN x[0] WHERE y IN segments) THEN x[1] ELSE 0 END) AS foreign_holders
UNWIND firms AS firm
RETURN firm.id AS firm_id, firm.name AS firm, segments, foreign_weighted, foreign_holders,
       reduce(t = 0, n IN [(firm)-[c:CITES_HOLDER]->(fo:Organization)
                           WHERE coalesce(fo.in_park, false) = false AND fo.country IS NOT NULL
                             AND fo.country <> park.country | c.citations] | t + n)
         AS cites_foreign,
       size([(firm)-[pt:PARTY_TO]->(:Case) WHERE pt.side = 'defendant' | pt]) AS cases_as_defendant
ORDER BY foreign_weighted DESC, firm_id
