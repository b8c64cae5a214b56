/*
id: match.candidate_activity
title: {zh: 候选伙伴活跃度, en: Partner candidates' activity}
description:
  zh: 每个机构作为伙伴候选的活跃度：关系总数（度）、所选伙伴关系的链接数、被链接数、最近链接数和最近链接年份。与某机构无关，评测时只需运行一次；伙伴排序模块把它与 match.partner_evidence 合并打分。
  en: Every organisation as a partner candidate — relationships of any type (degree), links of the chosen partner types, links pointing to it, recent links and the year of the latest. Independent of who is looking, so an evaluation runs it once; the partner ranker joins it with match.partner_evidence.
task: modes 1, 2, 4 innovation chain, vertical chain, leading firm (matchmaking evaluation)
params:
  link_types: {type: "list[str]", default: [COOPERATES_WITH, SUPPLIES],
               example: [COOPERATES_WITH, SUPPLIES],
               description: {zh: 视为伙伴关系的关系类型, en: relationship types that count as partner links}}
  recent_year: {type: int, default: 0, min: 0, max: 9999, example: 2024,
                description: {zh: 自该年起的链接算作最近, en: links from this year on count as recent}}
columns:
  candidate_id: {type: str, zh: 候选 id, en: candidate id}
  candidate: {type: str, zh: 候选, en: candidate}
  role: {type: str, zh: 类型, en: "role: firm, institute, ..."}
  degree: {type: int, zh: 度, en: relationships of the candidate (any type)}
  links: {type: int, zh: 伙伴链接数, en: links of the chosen types}
  links_in: {type: int, zh: 被链接数, en: links of the chosen types that point to the candidate}
  recent_links: {type: int, zh: 最近链接数, en: links of the chosen types from recent_year on}
  last_year: {type: int, zh: 最近链接年份, en: year of the latest link of the chosen types (0 none)}
*/
// Only recorded relationships count: the types are spelled out, so the derive's own edges
// (HOLDS_IN, HOLDS_CLASS, CITES_HOLDER) are not part of the degree, and a partner link joins
// two organisations. Each relationship is read once, its type checked in a list afterwards
// (a type filter on the match itself is ~10x slower on FalkorDB).
MATCH (c:Organization)
OPTIONAL MATCH (c)-[d:OWNS|MAKES|ACTIVE_IN|LOCATED_IN|PARTY_TO|IN_INDUSTRY|SUPPLIES|COOPERATES_WITH|JOINT_VENTURE|INVESTS_IN|ACQUIRED|COMPETES_WITH|LICENSED|MEMBER_OF|SUBSIDIARY_OF]-(n)
WITH c, count(d) AS degree
OPTIONAL MATCH (c)-[r:SUPPLIES|COOPERATES_WITH|JOINT_VENTURE|INVESTS_IN|ACQUIRED|COMPETES_WITH|LICENSED|MEMBER_OF|SUBSIDIARY_OF]->(:Organization)
WITH c, degree, collect([type(r), coalesce(r.year, 0)]) AS outgoing
OPTIONAL MATCH (c)<-[r:SUPPLIES|COOPERATES_WITH|JOINT_VENTURE|INVESTS_IN|ACQUIRED|COMPETES_WITH|LICENSED|MEMBER_OF|SUBSIDIARY_OF]-(:Organization)
WITH c, degree, outgoing, collect([type(r), coalesce(r.year, 0)]) AS incoming
WITH c, degree, [x IN incoming WHERE x[0] IN $link_types | x[1]] AS years_in,
     [x IN outgoing WHERE x[0] IN $link_types | x[1]] AS years_out
WITH c, degree, years_in, years_out + years_in AS link_years
RETURN c.id AS candidate_id, c.name AS candidate, c.role AS role, degree,
       size(link_years) AS links, size(years_in) AS links_in,
       size([y IN link_years WHERE y >= $recent_year]) AS recent_links,
       reduce(top = 0, y IN link_years | CASE WHEN y > top THEN y ELSE top END) AS last_year
ORDER BY candidate_id
