"""Loading a changed file again updates what changed, adds what was added, and keeps the rest.

A load never deletes: a row removed from the file leaves its node or relationship in the
graph as it was (loads are upserts, and several files may feed one node); a cell emptied in
the file leaves the old value (empty cells are absent values, not removals). Removing data
is done by clearing the graph and loading again. docs/loading.md says the same.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from innochain.graph.store import GraphStore
from innochain.loaders.load_files import load_files
from tests.graph_checksum import graph_lines

ORGS_HEAD = "name,name_en,role,country,region,founded,note\n"
ORGS_V1 = {
    "a": "甲光伏材料有限公司,Jia PV Materials Co. Ltd.,firm,CN,江苏无锡,2008,supplier of paste",
    "b": "乙新能源科技有限公司,Yi New Energy Technology Co. Ltd.,firm,CN,浙江杭州,2011,cells",
    "c": "丙电力设备有限公司,Bing Power Equipment Co. Ltd.,firm,CN,安徽合肥,2015,inverters",
    "d": "丁储能研究院,Ding Energy Storage Institute,institute,CN,陕西西安,2019,storage",
}
LINKS_HEAD = "supplier,customer,product,since,quantity\n"
LINKS_V1 = {
    "ab": "甲光伏材料有限公司,乙新能源科技有限公司,silver paste,2019,120 t",
    "cd": "丙电力设备有限公司,丁储能研究院,test inverters,2021,12 units",
}


def _write(path: Path, head: str, rows: dict[str, str]) -> Path:
    path.write_text(head + "".join(row + "\n" for row in rows.values()), encoding="utf-8")
    return path


def _load(store: GraphStore, orgs: Path, links: Path) -> None:
    for kind, path in (("organizations", orgs), ("supply-links", links)):
        report = load_files(store, kind, [path]).report
        assert report.rows_read == report.rows_loaded + report.rows_rejected
        assert report.rows_rejected == 0, report.rejects


def _org(store: GraphStore, name: str) -> dict[str, Any]:
    frame = store.run("MATCH (o:Organization {name: $name}) RETURN properties(o) AS p",
                      {"name": name})
    assert len(frame) == 1, f"{name}: {len(frame)} nodes"
    return dict(frame.iloc[0]["p"])


def _supplies(store: GraphStore, supplier: str, customer: str) -> list[dict[str, Any]]:
    frame = store.run("MATCH (:Organization {name: $a})-[r:SUPPLIES]->(:Organization {name: $b}) "
                      "RETURN properties(r) AS p", {"a": supplier, "b": customer})
    return [dict(p) for p in frame["p"]] if not frame.empty else []


def _mentions(line: str, ids: set[str]) -> bool:
    """Whether a graph line is the node with one of `ids` or a relationship touching one."""
    kind, *rest = json.loads(line)
    if kind == "node":
        return rest[1].get("id") in ids
    return rest[1] in ids or rest[5] in ids


def test_a_changed_file_updates_changed_rows_adds_new_ones_and_never_deletes_removed_ones(
        store: GraphStore, tmp_path: Path) -> None:
    orgs, links = tmp_path / "organizations.csv", tmp_path / "supply-links.csv"
    _load(store, _write(orgs, ORGS_HEAD, ORGS_V1), _write(links, LINKS_HEAD, LINKS_V1))
    before = set(graph_lines(store))
    ids = {key: _org(store, row.split(",")[0])["id"] for key, row in ORGS_V1.items()}

    name = {key: row.split(",")[0] for key, row in ORGS_V1.items()}
    orgs_v2 = dict(ORGS_V1)
    orgs_v2["b"] = ORGS_V1["b"].replace("浙江杭州", "浙江嘉兴")  # a changed property
    orgs_v2["c"] = ORGS_V1["c"].replace(",2015,", ",,")  # an emptied cell
    del orgs_v2["d"]  # a removed row
    orgs_v2["e"] = "戊硅材料股份有限公司,Wu Silicon Materials Co. Ltd.,firm,CN,四川乐山,2006,poly"
    links_v2 = {"ab": LINKS_V1["ab"].replace("120 t", "150 t"),  # a changed property
                "be": "乙新能源科技有限公司,戊硅材料股份有限公司,wafers,2023,2 GW"}  # cd removed
    _load(store, _write(orgs, ORGS_HEAD, orgs_v2), _write(links, LINKS_HEAD, links_v2))
    after = set(graph_lines(store))

    assert _org(store, name["b"])["region"] == "浙江嘉兴"
    assert _supplies(store, name["a"], name["b"]) == [
        {**_supplies_v1_ab(before, ids), "quantity": "150 t"}]
    assert _org(store, "戊硅材料股份有限公司")["region"] == "四川乐山"
    assert [s["product"] for s in _supplies(store, name["b"], "戊硅材料股份有限公司")] == ["wafers"]
    # removed rows are not deleted, and an emptied cell keeps the value loaded before
    assert _org(store, name["d"])["region"] == "陕西西安"
    assert [s["quantity"] for s in _supplies(store, name["c"], name["d"])] == ["12 units"]
    assert _org(store, name["c"])["founded"] == 2015
    # nothing else changed: every line that differs is about b, e or the a->b link
    changed = {ids["b"], _org(store, "戊硅材料股份有限公司")["id"]}
    gone, new = before - after, after - before
    assert all(_mentions(line, changed) or _is_ab(line, ids) for line in gone | new), \
        sorted(gone | new)
    assert len(gone) == 2 and len(new) == 4  # b and a->b replaced; e and b->e added


def _is_ab(line: str, ids: dict[str, str]) -> bool:
    kind, *rest = json.loads(line)
    return kind == "rel" and rest[1] == ids["a"] and rest[5] == ids["b"]


def _supplies_v1_ab(lines: set[str], ids: dict[str, str]) -> dict[str, Any]:
    """The a->b link's properties as the first load wrote them."""
    (props,) = [json.loads(line)[4] for line in lines if _is_ab(line, ids)]
    return dict(props)


def test_loading_the_unchanged_file_again_changes_nothing(
        store: GraphStore, tmp_path: Path) -> None:
    orgs, links = tmp_path / "organizations.csv", tmp_path / "supply-links.csv"
    _load(store, _write(orgs, ORGS_HEAD, ORGS_V1), _write(links, LINKS_HEAD, LINKS_V1))
    before = graph_lines(store)
    _load(store, orgs, links)
    assert graph_lines(store) == before
