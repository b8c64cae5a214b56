/*
id: risk.park_disputes
title: {zh: 园区内纠纷, en: Disputes inside the park}
description:
  zh: 原告和被告都在园区内的案件，附涉案专利以及双方共同所在的联盟（可由联盟或维权援助中心调解）。
  en: Cases where a plaintiff and a defendant are both in the park, with the asserted patents and the alliances both belong to (where the alliance or a rights-protection centre can mediate).
task: mode 10 rights-protection assistance
params: {}
columns:
  case_id: {type: str, zh: 案件 id, en: case id}
  title: {type: str, zh: 案件, en: case title}
  year: {type: int, zh: 年份, en: year}
  plaintiffs: {type: "list[str]", zh: 原告, en: plaintiffs in the park}
  defendants: {type: "list[str]", zh: 被告, en: defendants in the park}
  asserted: {type: "list[str]", zh: 涉案专利, en: asserted patents}
  common_alliances: {type: "list[str]", zh: 共同联盟, en: alliances both sides belong to}
*/
MATCH (pl:Organization {in_park: true})-[ps:PARTY_TO]->(k:Case)<-[ds:PARTY_TO]-(df:Organization {in_park: true})
WHERE ps.side = 'plaintiff' AND ds.side = 'defendant'
OPTIONAL MATCH (pl)-[:MEMBER_OF]->(a:Organization)<-[:MEMBER_OF]-(df)
WITH k, pl, df, a ORDER BY pl.id, df.id, a.id
WITH k, collect(DISTINCT pl.name) AS plaintiffs, collect(DISTINCT df.name) AS defendants,
     collect(DISTINCT a.name) AS common_alliances
OPTIONAL MATCH (k)-[:ASSERTS]->(p:Patent)
WITH k, plaintiffs, defendants, common_alliances, p ORDER BY p.id
RETURN k.id AS case_id, k.title AS title, k.year AS year, plaintiffs, defendants,
       collect(p.id) AS asserted, common_alliances
ORDER BY year DESC, case_id
