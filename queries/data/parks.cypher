/*
id: data.parks
title: {zh: 园区列表, en: Parks}
description:
  zh: 图中的园区及其产业链模板与国别。
  en: The parks in the graph with their chain template and country.
task: 数据 data
columns:
  park_id: {type: str, zh: 园区 id, en: park id}
  name: {type: str, zh: 园区, en: park name}
  name_en: {type: str, zh: 英文名, en: English name}
  country: {type: str, zh: 国别, en: country}
  chain: {type: str, zh: 产业链, en: chain template}
*/
MATCH (p:Park)
RETURN p.id AS park_id, p.name AS name, p.name_en AS name_en, p.country AS country,
       p.chain AS chain
ORDER BY park_id
