/*
id: match.find_organization
title: {zh: 查找机构, en: Find an organisation}
description:
  zh: 按名称、英文名、别名或 id 的片段（不区分大小写）查找机构及其 id，供其他查询使用。
  en: Find organisations and their ids by a piece of the name, English name, an alias or the id (case-insensitive), for use in the other queries.
task: 撮合 match (lookup)
params:
  name: {type: str, required: true, example: 德能,
         description: {zh: 名称片段, en: part of a name}}
  limit: {type: int, default: 20, min: 1, max: 1000, example: 10,
          description: {zh: 返回行数, en: rows returned}}
columns:
  org_id: {type: str, zh: 机构 id, en: organisation id}
  name: {type: str, zh: 名称, en: name}
  name_en: {type: str, zh: 英文名, en: English name}
  role: {type: str, zh: 类型, en: role}
  country: {type: str, zh: 国别, en: country}
  in_park: {type: bool, zh: 在园区, en: in the park}
*/
MATCH (o:Organization)
WHERE toLower(coalesce(o.name, '')) CONTAINS toLower($name)
   OR toLower(coalesce(o.name_en, '')) CONTAINS toLower($name)
   OR toLower(o.id) CONTAINS toLower($name)
   OR any(alias IN coalesce(o.aliases, []) WHERE toLower(alias) CONTAINS toLower($name))
RETURN o.id AS org_id, o.name AS name, o.name_en AS name_en, o.role AS role,
       o.country AS country, coalesce(o.in_park, false) AS in_park
ORDER BY org_id
LIMIT $limit
