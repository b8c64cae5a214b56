/*
id: data.node_counts
title: {zh: 各类节点数, en: Nodes by label}
description:
  zh: 每个标签的节点数（机构同时计入 Organization 与其角色标签）。
  en: Nodes per label (an organisation counts under Organization and under its role label).
task: 数据 data
columns:
  label: {type: str, zh: 标签, en: label}
  nodes: {type: int, zh: 节点数, en: nodes}
*/
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS nodes
ORDER BY nodes DESC, label
