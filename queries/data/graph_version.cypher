/*
id: data.graph_version
title: {zh: 图数据版本, en: Graph version}
description:
  zh: 载入记录的个数与最近一次完成时间；每次 `innochain load` 都会改变它，仪表盘据此判断缓存的结果是否过期。
  en: How many load runs there are and when the last one finished; every `innochain load` changes it, so the dashboard knows when its cached results are stale.
task: 数据 data
columns:
  load_runs: {type: int, zh: 载入记录数, en: load runs}
  last_finished: {type: str, zh: 最近完成时间, en: last load finished (UTC)}
*/
MATCH (r:LoadRun)
RETURN count(r) AS load_runs, max(r.finished) AS last_finished
