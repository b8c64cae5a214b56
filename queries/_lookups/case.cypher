/*
id: _lookups.case
title: {zh: "案件是否存在", en: "Which case ids exist"}
description: {zh: "返回给定 id 中图里存在的案件（供参数校验）", en: "Returns the given ids that name a Case node (used to check parameters)"}
task: internal
params:
  ids: {type: "list[str]", required: true, example: [x], description: {zh: 待查 id, en: ids to look up}}
columns:
  id: {type: str, zh: id, en: id}
*/
UNWIND $ids AS key
MATCH (n:Case {id: key})
RETURN n.id AS id
