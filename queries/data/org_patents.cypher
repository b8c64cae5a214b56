/*
id: data.org_patents
title: {zh: 机构专利列表, en: An organisation's patents}
description:
  zh: 某机构持有的专利，最近申请在前，供选择一件专利。
  en: The patents an organisation holds, latest filings first, to choose one.
task: 数据 data
params:
  org_id: {type: str, required: true, ref: Organization, example: org:institute,
           description: {zh: 机构 id, en: the organisation}}
  limit: {type: int, default: 500, min: 1, max: 5000, example: 50,
          description: {zh: 返回行数, en: rows returned}}
columns:
  patent_id: {type: str, zh: 专利号, en: patent id}
  title: {type: str, zh: 名称, en: title}
  year: {type: int, zh: 申请年, en: filing year}
*/
MATCH (:Organization {id: $org_id})-[:OWNS]->(p:Patent)
RETURN p.id AS patent_id, p.title AS title, p.year AS year
ORDER BY year DESC, patent_id
LIMIT $limit
