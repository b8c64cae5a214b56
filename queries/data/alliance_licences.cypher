/*
id: data.alliance_licences
title: {zh: 联盟成员间许可, en: Licences among alliance members}
description:
  zh: 联盟成员之间的许可（含交叉许可、转让、质押、入股）。
  en: Licences between alliance members (cross-licences, transfers, pledges and equity included).
task: 联盟 alliance (模式 8、11)
params:
  alliance_id: {type: str, required: true, ref: Organization, example: org:alliance,
                description: {zh: 联盟 id, en: the alliance}}
columns:
  licensor_id: {type: str, zh: 许可方 id, en: licensor id}
  licensor: {type: str, zh: 许可方, en: licensor}
  licensee_id: {type: str, zh: 被许可方 id, en: licensee id}
  licensee: {type: str, zh: 被许可方, en: licensee}
  patent: {type: str, zh: 专利, en: patent}
  kind: {type: str, zh: 方式, en: "kind: license, exclusive, cross, transfer, pledge, equity"}
  date: {type: str, zh: 日期, en: date}
*/
MATCH (a:Organization {id: $alliance_id})
MATCH (x:Organization)-[:MEMBER_OF]->(a)
MATCH (x)-[l:LICENSED]->(y:Organization)-[:MEMBER_OF]->(a)
RETURN x.id AS licensor_id, x.name AS licensor, y.id AS licensee_id, y.name AS licensee,
       l.patent AS patent, l.kind AS kind, l.date AS date
ORDER BY date, licensor_id, licensee_id, patent
