/*
id: data.organizations
title: {zh: 机构列表, en: Organisations}
description:
  zh: 供选择的机构，可按类型、是否在园区、名称片段筛选；园区机构在前。
  en: Organisations to choose from, filtered by role, park membership and a name fragment; park organisations first.
task: 数据 data
params:
  role: {type: str, example: firm,
         description: {zh: 类型（firm、institute、alliance…；留空为全部）, en: "role: firm, institute, alliance ... (empty for all)"}}
  in_park: {type: bool, example: true,
            description: {zh: 只看园区内（真）或园区外（假）, en: only park (true) or only outside (false) organisations}}
  name_contains: {type: str, example: 德能,
                  description: {zh: 名称包含（不区分大小写）, en: name contains (case-insensitive)}}
  org_id: {type: str, example: org:deneng,
           description: {zh: 只看此机构（取其名称）, en: only this organisation (to look up its name)}}
  limit: {type: int, default: 500, min: 1, max: 5000, example: 50,
          description: {zh: 返回行数, en: rows returned}}
columns:
  org_id: {type: str, zh: 机构 id, en: organisation id}
  name: {type: str, zh: 机构, en: name}
  name_en: {type: str, zh: 英文名, en: English name}
  role: {type: str, zh: 类型, en: role}
  country: {type: str, zh: 国别, en: country}
  in_park: {type: bool, zh: 园区内, en: in the park}
*/
MATCH (o:Organization)
WHERE ($org_id IS NULL OR o.id = $org_id)
  AND ($role IS NULL OR o.role = $role)
  AND ($in_park IS NULL OR coalesce(o.in_park, false) = $in_park)
  AND ($name_contains IS NULL
       OR toLower(o.name) CONTAINS toLower($name_contains)
       OR toLower(coalesce(o.name_en, '')) CONTAINS toLower($name_contains))
WITH o, coalesce(o.in_park, false) AS in_park
RETURN o.id AS org_id, o.name AS name, o.name_en AS name_en, o.role AS role,
       o.country AS country, in_park
ORDER BY in_park DESC, name, org_id
LIMIT $limit
