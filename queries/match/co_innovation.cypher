/*
id: match.co_innovation
title: {zh: 协同创新伙伴, en: Co-innovation partners}
description:
  zh: 与某机构在相同分类号持有专利的企业和院所，附共同分类号、共有专利数和双向引用数。
  en: Firms and institutes holding patents in the same classes as an organisation, with the shared classes, co-owned patents and citations each way.
task: modes 1, 4 co-innovation
params:
  org_id: {type: str, required: true, ref: Organization, example: org:deneng,
           description: {zh: 机构 id, en: the organisation}}
columns:
  partner_id: {type: str, zh: 伙伴 id, en: partner id}
  partner: {type: str, zh: 伙伴, en: partner}
  role: {type: str, zh: 类型, en: "role: firm or institute"}
  in_park: {type: bool, zh: 在园区, en: in the park}
  shared_classes: {type: "list[str]", zh: 共同分类号, en: classes both hold patents in}
  co_owned: {type: int, zh: 共有专利数, en: patents they own together}
  cites_out: {type: int, zh: 本方引用对方, en: citations from the organisation to the partner}
  cites_in: {type: int, zh: 对方引用本方, en: citations from the partner to the organisation}
*/
MATCH (org:Organization {id: $org_id})-[:OWNS]->(:Patent)-[:CLASSIFIED_AS]->(c:CPC)
      <-[:CLASSIFIED_AS]-(:Patent)<-[:OWNS]-(partner:Organization)
WHERE partner.id <> org.id AND (partner.role = 'firm' OR partner.role = 'institute')
WITH DISTINCT org, partner, c.code AS code
ORDER BY code
WITH org, partner, collect(code) AS shared_classes
RETURN partner.id AS partner_id, partner.name AS partner, partner.role AS role,
       coalesce(partner.in_park, false) AS in_park, shared_classes,
       size([(org)-[:OWNS]->(p:Patent)<-[:OWNS]-(partner) | p]) AS co_owned,
       size([(org)-[:OWNS]->(:Patent)-[:CITES]->(q:Patent)<-[:OWNS]-(partner) | q]) AS cites_out,
       size([(partner)-[:OWNS]->(:Patent)-[:CITES]->(q:Patent)<-[:OWNS]-(org) | q]) AS cites_in
ORDER BY co_owned DESC, size(shared_classes) DESC, partner_id
