"""Hand-compiled PV supply links (supply_links.csv) -> firms, SUPPLIES, JOINT_VENTURE, ACTIVE_IN.

The file is the register of the firms it names, so they are created here (role firm; country
from `innochain.loaders.pv_makers` when known). Several firms in one cell are split on `;`.
The schema gives SUPPLIES no identity property, so two contracts between the same pair are one
edge: it carries the earliest `since`, the latest `until`, every product and quantity, and
`link_ids` / `source_urls` lists; `source_url` is the earliest link's page.

The file's segment words map to the PV chain's segment ids (seed_data/chains/pv.yaml) with
`SEGMENTS` below; ACTIVE_IN {basis: 'supply'} is written only when a chain id is given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from innochain.loaders.chain_loader import node_id
from innochain.loaders.field_parsing import FieldError, parse_year
from innochain.loaders.organization_ids import organization_key
from innochain.loaders.party_names import party_node, split_parties
from innochain.loaders.records import EdgeRecord, Origin, Record, Reject
from innochain.loaders.tabular import ColumnSpec, read_table

KIND = "pv-supply-links"
DESCRIPTION = "hand-compiled PV firm-to-firm supply links (CSV): firms, SUPPLIES, joint ventures"
SOURCE = "pv-supply-links"
COLUMNS = (
    ColumnSpec("link_id", required=True), ColumnSpec("supplier", required=True),
    ColumnSpec("supplier_segment"), ColumnSpec("customer", required=True),
    ColumnSpec("customer_segment"), ColumnSpec("product"), ColumnSpec("relation_type"),
    ColumnSpec("announced"), ColumnSpec("period"), ColumnSpec("quantity"),
    ColumnSpec("source_url"), ColumnSpec("note"),
)
# The file's segment words (before any parenthesis) -> PV chain segment ids.
SEGMENTS: dict[str, tuple[str, ...]] = {
    "polysilicon": ("polysilicon",), "wafer": ("ingot_wafer",), "cell": ("cell",),
    "module": ("module",), "wafer/cell/module": ("ingot_wafer", "cell", "module"),
    "cell/module": ("cell", "module"), "module/distribution": ("module",),
    "glass": ("pv_glass",), "silver paste": ("silver_paste",),
}
# "equipment" is told apart by what was sold.
EQUIPMENT_SEGMENTS = (("furnace", "crystal_furnace"), ("cell", "cell_deposition_equipment"),
                      ("module", "module_equipment"))
RELATION_TYPES = {"supply_contract", "framework_agreement", "supply_relationship",
                  "equipment_order", "equipment_lease", "supplier_status", "joint_venture"}
_ANNOUNCED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def segment_ids(segment: str, product: str = "") -> tuple[str, ...]:
    """Chain segment ids for the file's segment words ("wafer (ingot)" -> ingot_wafer)."""
    word = re.sub(r"\s*\(.*$", "", segment).strip().lower()
    if word == "equipment":
        return tuple(seg for key, seg in EQUIPMENT_SEGMENTS if key in product.lower())[:1]
    return SEGMENTS.get(word, ())


def records(paths: list[Path], *, chain: str | None = "pv") -> Iterator[Record]:
    """Records of each supply_links.csv given; links of one pair are merged (see module doc)."""
    for path in paths:
        links: dict[tuple[str, str, str], dict[str, Any]] = {}
        rows: list[tuple[Origin, dict[str, str]]] = []
        for item in read_table(path, COLUMNS):
            if isinstance(item, Reject):
                yield item
                continue
            line, row = item
            origin = Origin(str(path), line)
            problem = _problem(row)
            if problem:
                yield Reject(str(path), line, *problem)
                continue
            rows.append((origin, row))
            _merge_link(links, row)
        written: set[tuple[str, str, str]] = set()
        for origin, row in rows:
            yield from _row_records(origin, row, links, written, chain)


def _problem(row: dict[str, str]) -> tuple[str, str, str] | None:
    """(field, value, reason) when a row cannot be loaded."""
    empty = next((c.name for c in COLUMNS if c.required and not row.get(c.name)), None)
    if empty is not None:
        return (empty, "", "required value is empty")
    for column in ("supplier", "customer"):
        for party in split_parties(row[column]):
            try:
                organization_key(party.name)
            except ValueError as exc:
                return (column, party.name, str(exc))
    rel = row.get("relation_type", "")
    if rel not in RELATION_TYPES:
        return ("relation_type", rel, f"unknown relation type; expected one of "
                f"{', '.join(sorted(RELATION_TYPES))}")
    announced = row.get("announced", "")
    if announced and not _ANNOUNCED.match(announced):
        return ("announced", announced, "not a date (write 2021, 2021-03 or 2021-03-05)")
    return None


def _until(period: str) -> int | None:
    """The last year of a period such as '2021-06 to 2024-05' or '2020-2022'."""
    years = re.findall(r"(?<!\d)(\d{4})(?!\d)", period)
    try:
        return parse_year(years[-1]) if years else None
    except FieldError:
        return None


def _merge_link(links: dict[tuple[str, str, str], dict[str, Any]], row: dict[str, str]) -> None:
    """Fold one row into the edge of each (type, supplier, customer) pair it names."""
    rel = "JOINT_VENTURE" if row["relation_type"] == "joint_venture" else "SUPPLIES"
    announced = row.get("announced")
    for sup in split_parties(row["supplier"]):
        for cus in split_parties(row["customer"]):
            edge = links.setdefault((rel, organization_key(sup.name), organization_key(cus.name)),
                                    {"source": SOURCE, "link_ids": [], "source_urls": []})
            edge["link_ids"].append(row["link_id"])
            if row.get("source_url") and row["source_url"] not in edge["source_urls"]:
                edge["source_urls"].append(row["source_url"])
            if announced and (edge.get("since") is None or str(announced) < str(edge["since"])):
                edge["since"], edge["source_url"] = announced, row.get("source_url")
            if rel == "SUPPLIES":
                _merge_supply_details(edge, row)
    for edge in links.values():
        if isinstance(edge.get("since"), str):
            edge["year"] = int(edge["since"][:4])


def _merge_supply_details(edge: dict[str, Any], row: dict[str, str]) -> None:
    until = _until(row.get("period", ""))
    if until is not None and until > edge.get("until", 0):
        edge["until"] = until
    for prop, text in (("product", row.get("product")), ("quantity", row.get("quantity"))):
        if text and text not in (edge.get(prop) or "").split("; "):
            edge[prop] = f"{edge[prop]}; {text}" if edge.get(prop) else text


def _row_records(origin: Origin, row: dict[str, str],
                 links: dict[tuple[str, str, str], dict[str, Any]],
                 written: set[tuple[str, str, str]], chain: str | None) -> Iterator[Record]:
    """The row's firms and segments; each merged link once, from the first row naming it
    (one record per edge: a batch holding the same edge twice reports one as unwritten)."""
    rel = "JOINT_VENTURE" if row["relation_type"] == "joint_venture" else "SUPPLIES"
    sides = {"supplier": split_parties(row["supplier"]), "customer": split_parties(row["customer"])}
    for side, parties in sides.items():
        segments = segment_ids(row.get(f"{side}_segment", ""), row.get("product", ""))
        for party in parties:
            yield party_node(party, origin, SOURCE)
            for seg in segments if chain else ():
                yield EdgeRecord("ACTIVE_IN", "Organization", organization_key(party.name),
                                 "Segment", node_id(chain, seg),
                                 {"source": SOURCE, "basis": "supply"}, origin,
                                 field_name=f"{side}_segment")
    for sup in sides["supplier"]:
        for cus in sides["customer"]:
            src, dst = organization_key(sup.name), organization_key(cus.name)
            if (rel, src, dst) in written:
                continue
            written.add((rel, src, dst))
            props = {k: v for k, v in links[(rel, src, dst)].items()
                     if k != "year" or rel != "SUPPLIES"}
            if rel == "SUPPLIES" and isinstance(props.get("since"), str):
                props["since"] = int(props["since"][:4])  # SUPPLIES.since is a year
            yield EdgeRecord(rel, "Organization", src, "Organization", dst, props, origin,
                             field_name="customer")
