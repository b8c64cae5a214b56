/*
id: data.load_runs
title: {zh: 载入记录, en: Load runs}
description:
  zh: 每次 `innochain load` 的类型、文件、读入/载入/拒收行数与完成时间。
  en: Each `innochain load` run — kind, files, rows read, loaded and rejected, when it finished.
task: 数据 data
columns:
  run_id: {type: str, zh: 记录 id, en: run id}
  kind: {type: str, zh: 类型, en: load kind}
  files: {type: "list[str]", zh: 文件, en: files}
  rows_read: {type: int, zh: 读入行数, en: rows read}
  rows_loaded: {type: int, zh: 载入行数, en: rows loaded}
  rows_rejected: {type: int, zh: 拒收行数, en: rows rejected}
  finished: {type: str, zh: 完成时间, en: finished (UTC)}
  seconds: {type: float, zh: 用时（秒）, en: seconds}
*/
MATCH (r:LoadRun)
RETURN r.id AS run_id, r.kind AS kind, r.files AS files, r.rows_read AS rows_read,
       r.rows_loaded AS rows_loaded, r.rows_rejected AS rows_rejected,
       r.finished AS finished, r.seconds AS seconds
ORDER BY finished DESC, run_id
