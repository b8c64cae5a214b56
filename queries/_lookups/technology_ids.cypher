/*
id: _lookups.technology_ids
title: {zh: "全部技术 id", en: "All Technology ids"}
description: {zh: "列出技术 id，用于提示相近的 id", en: "Lists Technology ids, to suggest close ones for a mistyped id"}
task: internal
columns:
  id: {type: str, zh: id, en: id}
*/
MATCH (n:Technology)
RETURN n.id AS id
ORDER BY id
LIMIT 5000
