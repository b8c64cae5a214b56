/*
id: data.alliance_members
title: {zh: 联盟成员, en: Alliance members}
description:
  zh: 联盟的成员、类型、是否在园区、专利数与覆盖环节。
  en: The alliance's members — role, park membership, patents and the segments they cover.
task: 联盟 alliance (模式 11)
params:
  alliance_id: {type: str, required: true, ref: Organization, example: org:alliance,
                description: {zh: 联盟 id, en: the alliance}}
columns:
  member_id: {type: str, zh: 成员 id, en: member id}
  member: {type: str, zh: 成员, en: member}
  role: {type: str, zh: 类型, en: role}
  in_park: {type: bool, zh: 园区内, en: in the park}
  country: {type: str, zh: 国别, en: country}
  patents: {type: int, zh: 专利数, en: patents}
  segments: {type: "list[str]", zh: 覆盖环节, en: segments covered (chain order)}
  since: {type: str, zh: 加入时间, en: member since}
*/
MATCH (m:Organization)-[mo:MEMBER_OF]->(a:Organization {id: $alliance_id})
OPTIONAL MATCH (m)-[:OWNS]->(p:Patent)
WITH m, mo, count(DISTINCT p) AS patents
OPTIONAL MATCH (m)-[:OWNS]->(:Patent)-[:IN_SEGMENT]->(s:Segment)
WITH m, mo, patents, s
ORDER BY s.order
WITH m, mo, patents, collect(DISTINCT s.name_zh) AS segments
RETURN m.id AS member_id, m.name AS member, m.role AS role,
       coalesce(m.in_park, false) AS in_park, m.country AS country, patents, segments,
       toString(mo.since) AS since
ORDER BY patents DESC, member_id
