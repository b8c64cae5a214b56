/*
id: data.synthetic_patents
title: {zh: 合成数据标记, en: Synthetic patents}
description:
  zh: 专利总数与其中合成（演示）专利数（synthetic 为真或来源为 synthetic-demo）。合成专利不是真实数据。
  en: Patents in the graph and how many are synthetic demo records (synthetic true or source synthetic-demo), which are not real data.
task: 数据 data
columns:
  patents: {type: int, zh: 专利数, en: patents}
  synthetic_patents: {type: int, zh: 合成专利数, en: synthetic patents}
*/
MATCH (p:Patent)
RETURN count(p) AS patents,
       count(CASE WHEN p.synthetic = true OR p.source = 'synthetic-demo' THEN 1 END)
         AS synthetic_patents
