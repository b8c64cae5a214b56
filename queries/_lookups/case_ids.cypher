/*
id: _lookups.case_ids
title: {zh: "全部案件 id", en: "All Case ids"}
description: {zh: "列出案件 id，用于提示相近的 id", en: "Lists Case ids, to suggest close ones for a mistyped id"}
task: internal
columns:
  id: {type: str, zh: id, en: id}
*/
MATCH (n:Case)
RETURN n.id AS id
ORDER BY id
LIMIT 5000
