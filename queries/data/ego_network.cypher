/*
id: data.ego_network
title: {zh: 机构关系网络, en: An organisation's network}
description:
  zh: 某机构与其他机构之间的直接关系（供货、合作、合资、投资、收购、竞争、许可、联盟、母子公司）以及共有专利，用于画关系网络图。
  en: An organisation's direct links to other organisations (supply, co-operation, joint venture, investment, acquisition, competition, licence, alliance, parent) and shared patents, to draw its network.
task: 撮合 match (关系网络)
params:
  org_id: {type: str, required: true, ref: Organization, example: org:deneng,
           description: {zh: 机构 id, en: the organisation}}
  limit: {type: int, default: 60, min: 1, max: 1000, example: 30,
          description: {zh: 每类方向最多返回行数, en: rows returned per direction}}
columns:
  direction: {type: str, zh: 方向, en: "out (it -> neighbour), in (neighbour -> it) or shared"}
  relation: {type: str, zh: 关系, en: relationship type (CO_OWNS for shared patents)}
  neighbour_id: {type: str, zh: 相邻机构 id, en: neighbour id}
  neighbour: {type: str, zh: 相邻机构, en: neighbour}
  role: {type: str, zh: 类型, en: neighbour's role}
  in_park: {type: bool, zh: 园区内, en: neighbour in the park}
  detail: {type: str, zh: 说明, en: "product, patent, kind, or shared patent count"}
  since: {type: str, zh: 起始, en: since (year or date)}
*/
MATCH (o:Organization {id: $org_id})-[r]->(n:Organization)
WHERE type(r) IN ['SUPPLIES', 'COOPERATES_WITH', 'JOINT_VENTURE', 'INVESTS_IN', 'ACQUIRED',
                  'COMPETES_WITH', 'LICENSED', 'MEMBER_OF', 'SUBSIDIARY_OF']
RETURN 'out' AS direction, type(r) AS relation, n.id AS neighbour_id, n.name AS neighbour,
       n.role AS role, coalesce(n.in_park, false) AS in_park,
       coalesce(r.product, r.patent, r.kind) AS detail,
       toString(coalesce(r.since, r.year, r.date)) AS since
ORDER BY relation, neighbour_id
LIMIT $limit
UNION
MATCH (o:Organization {id: $org_id})<-[r]-(n:Organization)
WHERE type(r) IN ['SUPPLIES', 'COOPERATES_WITH', 'JOINT_VENTURE', 'INVESTS_IN', 'ACQUIRED',
                  'COMPETES_WITH', 'LICENSED', 'MEMBER_OF', 'SUBSIDIARY_OF']
RETURN 'in' AS direction, type(r) AS relation, n.id AS neighbour_id, n.name AS neighbour,
       n.role AS role, coalesce(n.in_park, false) AS in_park,
       coalesce(r.product, r.patent, r.kind) AS detail,
       toString(coalesce(r.since, r.year, r.date)) AS since
ORDER BY relation, neighbour_id
LIMIT $limit
UNION
MATCH (o:Organization {id: $org_id})-[:OWNS]->(p:Patent)<-[:OWNS]-(n:Organization)
WHERE n.id <> o.id
WITH n, count(DISTINCT p) AS shared, min(p.year) AS first_year
RETURN 'shared' AS direction, 'CO_OWNS' AS relation, n.id AS neighbour_id,
       n.name AS neighbour, n.role AS role, coalesce(n.in_park, false) AS in_park,
       toString(shared) AS detail, toString(first_year) AS since
ORDER BY neighbour_id
LIMIT $limit
