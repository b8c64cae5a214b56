/*
id: _lookups.park_ids
title: {zh: "全部园区 id", en: "All Park ids"}
description: {zh: "列出园区 id，用于提示相近的 id", en: "Lists Park ids, to suggest close ones for a mistyped id"}
task: internal
columns:
  id: {type: str, zh: id, en: id}
*/
MATCH (n:Park)
RETURN n.id AS id
ORDER BY id
LIMIT 5000
