/*
id: layout.white_space
title: {zh: 技术空白点, en: Technology white space}
description:
  zh: 世界上已有专利、但园区没有任何专利的分类号，附最大的权利人，作为布局方向的候选。
  en: Classification groups with patents in the world but none held in the park, with the largest holder, as candidate directions.
task: 布棋 layout (空白点)
params:
  min_world: {type: int, default: 2, min: 1, max: 100000, example: 5,
              description: {zh: 世界专利数至少为此值, en: at least this many patents in the world}}
  limit: {type: int, default: 50, min: 1, max: 5000, example: 20,
          description: {zh: 返回行数, en: rows returned}}
columns:
  code: {type: str, zh: 分类号, en: classification code}
  title: {type: str, zh: 分类名称, en: class title}
  world_patents: {type: int, zh: 世界专利数, en: patents in the class}
  holders: {type: int, zh: 权利人数, en: distinct holders}
  top_holder: {type: str, zh: 最大权利人, en: largest holder}
  top_holder_patents: {type: int, zh: 其专利数, en: its patents in the class}
*/
// Patents per class and the park-owned ones are materialised by derive (CPC.patents,
// CPC.park_patents); holders are walked only for the classes that qualify.
MATCH (c:CPC)
WHERE c.park_patents = 0 AND c.patents >= $min_world
// count(DISTINCT hp), not count(*): FalkorDB miscounts count(*) here.
MATCH (c)<-[:CLASSIFIED_AS]-(hp:Patent)<-[:OWNS]-(h:Organization)
WITH c, c.patents AS world_patents, h, count(DISTINCT hp) AS held
ORDER BY held DESC, h.id
WITH c, world_patents, count(h) AS holders, collect([h.name, held])[0] AS top
RETURN c.code AS code, c.title AS title, world_patents, holders, top[0] AS top_holder,
       top[1] AS top_holder_patents
ORDER BY world_patents DESC, code
LIMIT $limit
