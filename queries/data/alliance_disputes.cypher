/*
id: data.alliance_disputes
title: {zh: 成员间纠纷与调解视图, en: Disputes between members (mediation view)}
description:
  zh: 联盟成员之间的案件，附调解时可用的事实：双方的供货、许可、合作关系，共同环节，以及被告在原告环节中的专利数（交叉许可的筹码）。是需要核查的信号，不是法律结论。
  en: Cases between alliance members with the facts a mediator can use — supply, licence and co-operation links between the parties, their common segments, and the defendant's patents in the plaintiff's segments (leverage for a cross-licence). Signals to look into, not a legal conclusion.
task: 联盟 alliance (模式 10、11)
params:
  alliance_id: {type: str, required: true, ref: Organization, example: org:alliance,
                description: {zh: 联盟 id, en: the alliance}}
columns:
  case_id: {type: str, zh: 案件 id, en: case id}
  title: {type: str, zh: 案件, en: case}
  year: {type: int, zh: 年份, en: year}
  plaintiff: {type: str, zh: 原告, en: plaintiff}
  defendant: {type: str, zh: 被告, en: defendant}
  asserted_patents: {type: int, zh: 主张专利数, en: patents asserted}
  supply_links: {type: int, zh: 供货关系数, en: supply links between them}
  licences: {type: int, zh: 许可数, en: licences between them}
  cooperations: {type: int, zh: 合作关系数, en: co-operation links between them}
  shared_segments: {type: "list[str]", zh: 共同环节, en: segments both hold patents in}
  counter_patents: {type: int, zh: 被告反制专利数, en: defendant's patents in the plaintiff's segments}
*/
MATCH (a:Organization {id: $alliance_id})
MATCH (pl:Organization)-[:MEMBER_OF]->(a)
MATCH (pl)-[:PARTY_TO {side: 'plaintiff'}]->(c:Case)<-[:PARTY_TO {side: 'defendant'}]-(df:Organization)
MATCH (df)-[:MEMBER_OF]->(a)
OPTIONAL MATCH (pl)-[:OWNS]->(:Patent)-[:IN_SEGMENT]->(ps:Segment)
WITH c, pl, df, collect(DISTINCT ps.id) AS plaintiff_segments
OPTIONAL MATCH (df)-[:OWNS]->(q:Patent)-[:IN_SEGMENT]->(qs:Segment)
WHERE qs.id IN plaintiff_segments
WITH c, pl, df, count(DISTINCT q) AS counter_patents, collect(DISTINCT qs) AS shared
RETURN c.id AS case_id, c.title AS title, c.year AS year, pl.name AS plaintiff,
       df.name AS defendant, size([(c)-[:ASSERTS]->(p:Patent) | p]) AS asserted_patents,
       size([(pl)-[:SUPPLIES]-(df) | 1]) AS supply_links,
       size([(pl)-[:LICENSED]-(df) | 1]) AS licences,
       size([(pl)-[:COOPERATES_WITH]-(df) | 1]) AS cooperations,
       [s IN shared | s.name_zh] AS shared_segments, counter_patents
ORDER BY year DESC, case_id, plaintiff, defendant
