/*
id: _lookups.cpc
title: {zh: "分类号是否存在", en: "Which classification ids exist"}
description: {zh: "返回给定 id 中图里存在的分类号（供参数校验）", en: "Returns the given ids that name a CPC node (used to check parameters)"}
task: internal
params:
  ids: {type: "list[str]", required: true, example: [x], description: {zh: 待查 id, en: ids to look up}}
columns:
  id: {type: str, zh: id, en: id}
*/
UNWIND $ids AS key
MATCH (n:CPC {code: key})
RETURN n.code AS id
