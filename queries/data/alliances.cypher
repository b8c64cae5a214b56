/*
id: data.alliances
title: {zh: 联盟列表, en: Alliances}
description:
  zh: 图中的产业或专利联盟及其成员数。
  en: The industry or patent alliances in the graph and their member counts.
task: 联盟 alliance (模式 11)
columns:
  alliance_id: {type: str, zh: 联盟 id, en: alliance id}
  name: {type: str, zh: 联盟, en: alliance}
  members: {type: int, zh: 成员数, en: members}
*/
MATCH (a:Organization {role: 'alliance'})
RETURN a.id AS alliance_id, a.name AS name,
       size([(m:Organization)-[:MEMBER_OF]->(a) | m]) AS members
ORDER BY members DESC, alliance_id
