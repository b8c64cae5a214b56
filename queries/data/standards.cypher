/*
id: data.standards
title: {zh: 标准列表, en: Standards}
description:
  zh: 图中的标准及其声明必要专利数。
  en: The standards in the graph and how many patents are declared essential to each.
task: 数据 data
columns:
  standard_id: {type: str, zh: 标准 id, en: standard id}
  name: {type: str, zh: 标准, en: standard}
  body: {type: str, zh: 制定机构, en: standards body}
  essential_patents: {type: int, zh: 必要专利数, en: declared essential patents}
*/
MATCH (s:Standard)
RETURN s.id AS standard_id, s.name AS name, s.body AS body,
       size([(p:Patent)-[:ESSENTIAL_TO]->(s) | p]) AS essential_patents
ORDER BY essential_patents DESC, standard_id
