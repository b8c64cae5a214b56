/*
id: _lookups.standard_ids
title: {zh: "全部标准 id", en: "All Standard ids"}
description: {zh: "列出标准 id，用于提示相近的 id", en: "Lists Standard ids, to suggest close ones for a mistyped id"}
task: internal
columns:
  id: {type: str, zh: id, en: id}
*/
MATCH (n:Standard)
RETURN n.id AS id
ORDER BY id
LIMIT 5000
