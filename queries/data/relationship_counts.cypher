/*
id: data.relationship_counts
title: {zh: 各类关系数, en: Relationships by type}
description:
  zh: 每种关系类型的关系数。
  en: Relationships per type.
task: 数据 data
columns:
  type: {type: str, zh: 关系类型, en: relationship type}
  relationships: {type: int, zh: 关系数, en: relationships}
*/
MATCH ()-[r]->()
RETURN type(r) AS type, count(r) AS relationships
ORDER BY relationships DESC, type
