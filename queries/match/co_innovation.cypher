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
// Reads the materialised HOLDS_CLASS and CITES_HOLDER edges (docs/graph-model.md). Every
// part is gathered from the organisation's side as a list of (partner, part) entries: the
// shared classes, the co-owned patents, the citations each way; one grouping per partner at
// the end. Nothing is walked per partner, and no long list is a grouping key (FalkorDB
// hashes it for every row). Each comprehension names its own variables (FalkorDB binds a
// name reused in a second comprehension of one projection to the first one's value).
MATCH (org:Organization {id: $org_id})
WITH org,
     [(org)-[:HOLDS_CLASS]->(c:CPC)<-[:HOLDS_CLASS]-(by_class:Organization)
        WHERE by_class.role = 'firm' OR by_class.role = 'institute'
        | {partner: by_class, code: c.code, co_owned: 0, cites_out: 0, cites_in: 0}] +
       [(org)-[:OWNS]->(:Patent)<-[:OWNS]-(co:Organization) WHERE co.id <> org.id
        | {partner: co, code: null, co_owned: 1, cites_out: 0, cites_in: 0}] +
       [(org)-[out:CITES_HOLDER]->(cited:Organization)
        | {partner: cited, code: null, co_owned: 0, cites_out: out.citations, cites_in: 0}] +
       [(org)<-[inc:CITES_HOLDER]-(citing:Organization)
        | {partner: citing, code: null, co_owned: 0, cites_out: 0, cites_in: inc.citations}]
       AS found
UNWIND found AS f
WITH org, f.partner AS partner, f.code AS code, f.co_owned AS co_owned, f.cites_out AS cites_out,
     f.cites_in AS cites_in
WHERE partner.id <> org.id
WITH partner, code, co_owned, cites_out, cites_in
ORDER BY code
WITH partner, collect(code) AS shared_classes, toInteger(sum(co_owned)) AS co_owned,
     toInteger(sum(cites_out)) AS cites_out, toInteger(sum(cites_in)) AS cites_in
WHERE size(shared_classes) > 0
RETURN partner.id AS partner_id, partner.name AS partner, partner.role AS role,
       coalesce(partner.in_park, false) AS in_park, shared_classes, co_owned, cites_out,
       cites_in
ORDER BY co_owned DESC, size(shared_classes) DESC, partner_id
