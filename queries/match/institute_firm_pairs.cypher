/*
id: match.institute_firm_pairs
title: {zh: 院所—企业配对, en: Institute–firm pairs}
description:
  zh: 院所与企业之间已有或潜在的联系：共同分类号、企业引用院所专利、共有专利、已有许可。用于组织"研究—转化—生产"的创新链。
  en: Links between institutes and firms, existing or potential — shared classes, the firm citing the institute's patents, co-owned patents, licences. For research-to-production chains.
task: mode 1 innovation chain around an institute
params:
  park_only: {type: bool, default: true, example: false,
              description: {zh: 只列园区企业, en: only firms in the park}}
  min_links: {type: int, default: 1, min: 1, max: 1000, example: 2,
              description: {zh: 至少几类联系, en: at least this many links of any kind}}
columns:
  institute_id: {type: str, zh: 院所 id, en: institute id}
  institute: {type: str, zh: 院所, en: institute}
  firm_id: {type: str, zh: 企业 id, en: firm id}
  firm: {type: str, zh: 企业, en: firm}
  shared_classes: {type: int, zh: 共同分类号数, en: classes both hold patents in}
  cites_institute: {type: int, zh: 企业引用院所, en: citations from the firm to the institute's patents}
  co_owned: {type: int, zh: 共有专利数, en: patents they own together}
  licensed: {type: bool, zh: 已有许可, en: a licence from the institute exists}
*/
MATCH (inst:Organization {role: 'institute'})
WITH inst, [(inst)-[:OWNS]->(:Patent)-[:CLASSIFIED_AS]->(c:CPC) | c.code] AS inst_classes
MATCH (firm:Organization {role: 'firm'})
WHERE NOT $park_only OR firm.in_park = true
WITH inst, inst_classes, firm,
     [(firm)-[:OWNS]->(:Patent)-[:CLASSIFIED_AS]->(c:CPC) | c.code] AS firm_classes
WITH inst, firm,
     reduce(acc = [], x IN firm_classes |
            CASE WHEN x IN inst_classes AND NOT x IN acc THEN acc + x ELSE acc END) AS shared,
     size([(firm)-[:OWNS]->(:Patent)-[:CITES]->(q:Patent)<-[:OWNS]-(inst) | q]) AS cites_institute,
     size([(firm)-[:OWNS]->(p:Patent)<-[:OWNS]-(inst) | p]) AS co_owned,
     size([(inst)-[:LICENSED]->(firm) | 1]) > 0 AS licensed
WITH inst, firm, size(shared) AS shared_classes, cites_institute, co_owned, licensed
WHERE shared_classes + cites_institute + co_owned + CASE WHEN licensed THEN 1 ELSE 0 END
      >= $min_links
RETURN inst.id AS institute_id, inst.name AS institute, firm.id AS firm_id, firm.name AS firm,
       shared_classes, cites_institute, co_owned, licensed
ORDER BY institute_id, firm_id
