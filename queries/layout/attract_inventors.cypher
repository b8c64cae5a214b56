/*
id: layout.attract_inventors
title: {zh: 引才对象, en: Inventors to attract (引才)}
description:
  zh: 在某环节有发明、且尚未为园区机构发明过的发明人，附专利数、最近申请年和其专利权人。
  en: Inventors with patents in a segment who have not yet invented for a park organisation, with their patents, last filing year and the holders they work for.
task: 布棋 layout (引才)
params:
  segment_id: {type: str, required: true, ref: Segment, example: fx:cell,
               description: {zh: 环节 id, en: the segment}}
  limit: {type: int, default: 20, min: 1, max: 1000, example: 10,
          description: {zh: 返回行数, en: rows returned}}
columns:
  person_id: {type: str, zh: 人员 id, en: person id}
  name: {type: str, zh: 姓名, en: name}
  country: {type: str, zh: 国别, en: country}
  patents: {type: int, zh: 环节专利数, en: patents in the segment}
  last_year: {type: int, zh: 最近申请年, en: last filing year in the segment}
  holders: {type: "list[str]", zh: 专利权人, en: holders of those patents}
*/
// Person.park_linked (materialised by derive): an inventor of any park-owned patent.
// Holders are collected for the $limit inventors returned only.
// The filter sits in a WITH so that FalkorDB starts from the segment, not from every person.
MATCH (s:Segment {id: $segment_id})<-[:IN_SEGMENT]-(p:Patent)<-[:INVENTED]-(person:Person)
WITH p, person
WHERE person.park_linked IS NULL
WITH person, count(DISTINCT p) AS patents, max(p.year) AS last_year, collect(DISTINCT p) AS ps
ORDER BY patents DESC, last_year DESC, person.id
LIMIT $limit
UNWIND ps AS p
OPTIONAL MATCH (p)<-[:OWNS]-(h:Organization)
WITH person, patents, last_year, h ORDER BY h.id
WITH person, patents, last_year, collect(DISTINCT h.name) AS holders
RETURN person.id AS person_id, person.name AS name, person.country AS country, patents,
       last_year, holders
ORDER BY patents DESC, last_year DESC, person_id
