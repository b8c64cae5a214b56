/*
id: risk.single_source
title: {zh: 单一供应来源, en: Single-source supply dependencies}
description:
  zh: 园区企业某一产品只有一个已知供应商的情况，附供应商类别（园区/国内/国外）。是供应链暴露信号。
  en: Park firms that have one known supplier for a product, with the supplier's class (park, domestic, foreign). A supply-chain exposure signal.
task: 避险 risk (供应链)
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
columns:
  firm_id: {type: str, zh: 企业 id, en: park firm id}
  firm: {type: str, zh: 企业, en: park firm}
  product: {type: str, zh: 产品, en: product bought}
  supplier_id: {type: str, zh: 供应商 id, en: the only supplier's id}
  supplier: {type: str, zh: 供应商, en: the only supplier}
  supplier_class: {type: str, zh: 供应商类别, en: "park, domestic, foreign or unknown"}
*/
MATCH (park:Park {id: $park_id})
MATCH (supplier:Organization)-[link:SUPPLIES]->(firm:Organization {in_park: true})
WITH park, firm, coalesce(link.product, '') AS product, collect(DISTINCT supplier) AS suppliers
WHERE size(suppliers) = 1
WITH park, firm, product, suppliers[0] AS supplier
RETURN firm.id AS firm_id, firm.name AS firm, product, supplier.id AS supplier_id,
       supplier.name AS supplier,
       CASE WHEN supplier.in_park = true THEN 'park'
            WHEN supplier.country IS NULL THEN 'unknown'
            WHEN supplier.country = park.country THEN 'domestic'
            ELSE 'foreign' END AS supplier_class
ORDER BY firm_id, product
