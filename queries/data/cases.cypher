/*
id: data.cases
title: {zh: 纠纷案件列表, en: Cases}
description:
  zh: 图中的纠纷案件及原告、被告与主张的专利数。
  en: The disputes in the graph with their plaintiffs, defendants and asserted patents.
task: 数据 data
params:
  plaintiff_id: {type: str, ref: Organization, example: org:solaris,
                 description: {zh: 只看此原告的案件（留空为全部）, en: only cases this organisation brought (empty for all)}}
  limit: {type: int, default: 500, min: 1, max: 5000, example: 50,
          description: {zh: 返回行数, en: rows returned}}
columns:
  case_id: {type: str, zh: 案件 id, en: case id}
  title: {type: str, zh: 案件, en: title}
  year: {type: int, zh: 年份, en: year}
  plaintiffs: {type: "list[str]", zh: 原告, en: plaintiffs}
  defendants: {type: "list[str]", zh: 被告, en: defendants}
  asserted_patents: {type: int, zh: 主张专利数, en: asserted patents}
*/
MATCH (c:Case)
OPTIONAL MATCH (pl:Organization)-[:PARTY_TO {side: 'plaintiff'}]->(c)
WITH c, collect(pl.id) AS plaintiff_ids
WHERE $plaintiff_id IS NULL OR $plaintiff_id IN plaintiff_ids
WITH c ORDER BY c.year DESC, c.id LIMIT $limit
RETURN c.id AS case_id, c.title AS title, c.year AS year,
       [(o:Organization)-[:PARTY_TO {side: 'plaintiff'}]->(c) | o.name] AS plaintiffs,
       [(d:Organization)-[:PARTY_TO {side: 'defendant'}]->(c) | d.name] AS defendants,
       size([(c)-[:ASSERTS]->(p:Patent) | p]) AS asserted_patents
ORDER BY year DESC, case_id
