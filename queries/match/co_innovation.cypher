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
// Reads the materialised HOLDS_CLASS and CITES_HOLDER edges (docs/graph-model.md); the
// co-owners are walked once from the organisation's side and looked up per partner.
MATCH (org:Organization {id: $org_id})
OPTIONAL MATCH (org)-[:OWNS]->(p:Patent)<-[:OWNS]-(co:Organization)
WHERE co.id <> org.id
WITH org, co.id AS co_id, count(p) AS patents
WITH org, [x IN collect([co_id, patents]) WHERE x[0] IS NOT NULL] AS co_owners
MATCH (org)-[:HOLDS_CLASS]->(c:CPC)<-[:HOLDS_CLASS]-(partner:Organization)
WHERE partner.id <> org.id AND (partner.role = 'firm' OR partner.role = 'institute')
WITH org, co_owners, partner, c.code AS code
ORDER BY code
WITH org, co_owners, partner, collect(code) AS shared_classes
RETURN partner.id AS partner_id, partner.name AS partner, partner.role AS role,
       coalesce(partner.in_park, false) AS in_park, shared_classes,
       coalesce(head([x IN co_owners WHERE x[0] = partner.id | x[1]]), 0) AS co_owned,
       coalesce(head([(org)-[x:CITES_HOLDER]->(partner) | x.citations]), 0) AS cites_out,
       coalesce(head([(partner)-[x:CITES_HOLDER]->(org) | x.citations]), 0) AS cites_in
ORDER BY co_owned DESC, size(shared_classes) DESC, partner_id
