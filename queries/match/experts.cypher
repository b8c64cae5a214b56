/*
id: match.experts
title: {zh: 技术专家（专家库）, en: Experts for a technology (专家库)}
description:
  zh: 某技术领域的发明人，附专利数、最近申请年、所服务的权利人，以及是否与园区机构有关。
  en: Inventors in a technology, with their patents, last filing year, the holders they invented for and whether any is in the park.
task: expert pool 专家库
params:
  technology_id: {type: str, required: true, ref: Technology, example: fx:passivation,
                  description: {zh: 技术 id, en: the technology}}
  limit: {type: int, default: 20, min: 1, max: 1000, example: 10,
          description: {zh: 返回行数, en: rows returned}}
columns:
  person_id: {type: str, zh: 人员 id, en: person id}
  name: {type: str, zh: 姓名, en: name}
  country: {type: str, zh: 国别, en: country}
  patents: {type: int, zh: 该技术专利数, en: patents in the technology}
  last_year: {type: int, zh: 最近申请年, en: last filing year}
  organisations: {type: "list[str]", zh: 服务机构, en: holders of those patents}
  park_affiliated: {type: bool, zh: 与园区有关, en: invented for a park organisation}
*/
// A membership lists technologies of its own segment only (the ones it USES), so the walk
// starts from those segments instead of every membership in the graph.
MATCH (:Technology {id: $technology_id})<-[:USES]-(:Segment)<-[r:IN_SEGMENT]-(p:Patent)
WHERE $technology_id IN r.technologies
MATCH (person:Person)-[:INVENTED]->(p)
WITH person, collect(DISTINCT p) AS patents
UNWIND patents AS p
OPTIONAL MATCH (p)<-[:OWNS]-(o:Organization)
WITH person, patents, o ORDER BY o.id
WITH person, size(patents) AS patent_count,
     reduce(y = 0, q IN patents | CASE WHEN q.year > y THEN q.year ELSE y END) AS last_year,
     collect(DISTINCT o.name) AS organisations,
     size([x IN collect(o) WHERE x.in_park = true]) > 0 AS park_affiliated
RETURN person.id AS person_id, person.name AS name, person.country AS country,
       patent_count AS patents, last_year, organisations, park_affiliated
ORDER BY patents DESC, last_year DESC, person_id
LIMIT $limit
