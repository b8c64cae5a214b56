/*
id: _lookups.segment_ids
title: {zh: "全部环节 id", en: "All Segment ids"}
description: {zh: "列出环节 id，用于提示相近的 id", en: "Lists Segment ids, to suggest close ones for a mistyped id"}
task: internal
columns:
  id: {type: str, zh: id, en: id}
*/
MATCH (n:Segment)
RETURN n.id AS id
ORDER BY id
LIMIT 5000
