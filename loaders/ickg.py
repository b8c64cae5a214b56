"""ICKG temporal industrial-chain graph (subset) -> organisations, industries, dated relations.

Use from ../shared/data only ("freely available for academic and research purposes").
Files: entity2id.txt (`name<TAB>id`), relation2id.txt (`name<TAB>id`), time2id.txt
(`id,YYYY-MM-DD`, weekly), and quadruples `head<TAB>rel<TAB>tail<TAB>time` (ids) in
train.txt, valid.txt, test.txt (a random split: split by time yourself).

Relations (relation2id.txt, all 12) -> relationship types; `h rel t` reads "h rel t":

| id | relation | type | direction written |
|---|---|---|---|
| 0 | 上游于 upstream of | FEEDS Industry->Industry | h -> t |
| 1 | 供给 supplies | SUPPLIES | h -> t |
| 2 | 包含 contains | CHILD_OF Industry->Industry | t -> h (the part is the child) |
| 3 | 合作 cooperates | COOPERATES_WITH | h -> t |
| 4 | 合资 joint venture | JOINT_VENTURE | h -> t |
| 5 | 并购 merger/acquisition | ACQUIRED | h -> t (h acquired t) |
| 6 | 归属于行业 belongs to industry | IN_INDUSTRY | h -> t |
| 7 | 投资 invests | INVESTS_IN | h -> t |
| 8 | 持有专利 holds patent | OWNS Organization->Patent | h -> t |
| 9 | 母公司/控股 parent/controls | SUBSIDIARY_OF | t -> h (h is the parent) |
| 10 | 涉足行业 active in industry | IN_INDUSTRY | h -> t |
| 11 | 竞争 competes | COMPETES_WITH | h -> t |

母公司/控股 is noisy: in about 60% of the pairs the head is the parent (中国平安->平安银行,
华为->荣耀), in the rest the tail is, and some pairs are self-loops (rejected). Each edge
keeps the original `relation`, so queries can tell 归属于行业 from 涉足行业.

Entity types, decided from the relations an entity takes part in (no entity is in both
groups in this subset): an end of 上游于 or 包含, or the tail of 归属于行业 / 涉足行业 ->
Industry (`ickg:<name>`, scheme `ickg`); the tail of 持有专利 -> Patent (`ickg:<title>`: the
subset gives no real publication number, its one patent entity is the placeholder
`CN11223344` held by 12 firms); any other end -> Organization, role institute when the name
contains 大学/研究院/研究所/科学院/实验室, else firm. Entities in no quadruple (540 of 2,000,
mostly activity names) cannot be typed and are rejected.

Edges keep the earliest stamp as `since` (ISO date; a year for SUPPLIES, as the graph model
says) and `year`, and `times` = how many quadruples (at any stamp, from either Chinese
relation of the type) gave the edge.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from innochain.errors import LoadError
from innochain.graph.schema import rel_type as rel_type_spec
from innochain.loaders.organization_ids import organization_key
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject

KIND = "ickg"
DESCRIPTION = "ICKG temporal industrial-chain graph (id files + quadruples): dated firm relations"
SOURCE = "ickg"
QUADRUPLE_FILES = ("train.txt", "valid.txt", "test.txt")
# relation -> (relationship type, reversed: True when the edge runs tail -> head)
RELATIONS: dict[str, tuple[str, bool]] = {
    "上游于": ("FEEDS", False), "供给": ("SUPPLIES", False), "包含": ("CHILD_OF", True),
    "合作": ("COOPERATES_WITH", False), "合资": ("JOINT_VENTURE", False),
    "并购": ("ACQUIRED", False), "归属于行业": ("IN_INDUSTRY", False),
    "投资": ("INVESTS_IN", False), "持有专利": ("OWNS", False),
    "母公司/控股": ("SUBSIDIARY_OF", True), "涉足行业": ("IN_INDUSTRY", False),
    "竞争": ("COMPETES_WITH", False),
}
INDUSTRY_ENDS = {"上游于": "both", "包含": "both", "归属于行业": "tail", "涉足行业": "tail"}
PATENT_TAILS = {"持有专利"}
_INSTITUTE = re.compile(r"大学|研究院|研究所|科学院|实验室")


class Quadruple(NamedTuple):
    """One dated fact by name: `time` is the ISO date of its weekly stamp."""

    head: str
    rel: str
    tail: str
    time: str


class _Row(NamedTuple):
    origin: Origin
    quad: Quadruple


def _id_table(path: Path, sep: str, name_first: bool) -> dict[int, str]:
    """id -> name of an entity2id / relation2id / time2id file; LoadError on a bad line."""
    table: dict[int, str] = {}
    for line_no, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.rsplit(sep, 1) if name_first else line.split(sep, 1)
        name, number = (parts[0], parts[-1]) if name_first else (parts[-1], parts[0])
        if len(parts) != 2 or not number.strip().isdecimal():
            raise LoadError(f"{path}:{line_no}: expected name and id separated by "
                            f"{sep!r}, got {line!r}")
        table[int(number)] = name.strip()
    return table


def _rows(folder: Path) -> Iterator[_Row | Reject]:
    """Every quadruple line of the folder by name, or a Reject naming what is wrong."""
    entities = _id_table(folder / "entity2id.txt", "\t", True)
    relations = _id_table(folder / "relation2id.txt", "\t", True)
    times = _id_table(folder / "time2id.txt", ",", False)
    for name in QUADRUPLE_FILES:
        path = folder / name
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            cells = line.split("\t")
            ids = [int(c) if c.strip().isdecimal() else None for c in cells]
            tables = (("head", entities), ("rel", relations), ("tail", entities),
                      ("time", times))
            bad = next(((field, cells[i] if i < len(cells) else "") for i, (field, table)
                        in enumerate(tables) if i >= len(ids) or ids[i] not in table), None)
            if len(cells) != 4 or bad:
                field, value = bad or ("line", line)
                yield Reject(str(path), line_no, field, value,
                             f"not an id listed in the {field} table (expected "
                             "head<TAB>rel<TAB>tail<TAB>time as ids)")
                continue
            h, r, t, ti = (int(c) for c in cells)
            yield _Row(Origin(str(path), line_no),
                       Quadruple(entities[h], relations[r], entities[t], times[ti]))


def read_quadruples(folder: Path) -> list[Quadruple]:
    """All quadruples of train, valid and test by name, sorted by time (for time splits);
    LoadError naming file and line at the first bad line."""
    out: list[Quadruple] = []
    for row in _rows(Path(folder)):
        if isinstance(row, Reject):
            raise LoadError(f"{row.file}:{row.line}: {row.field} '{row.value}': {row.reason}")
        out.append(row.quad)
    return sorted(out, key=lambda q: (q.time, q.head, q.rel, q.tail))


def entity_kinds(quads: list[Quadruple]) -> dict[str, str]:
    """Entity name -> 'industry', 'patent', 'institute' or 'firm' (rule in the module doc)."""
    kinds: dict[str, str] = {}
    for q in quads:
        ends = INDUSTRY_ENDS.get(q.rel)
        if ends:
            kinds[q.tail] = "industry"
            if ends == "both":
                kinds[q.head] = "industry"
        elif q.rel in PATENT_TAILS:
            kinds[q.tail] = "patent"
    for q in quads:
        for name in (q.head, q.tail):
            if name not in kinds:
                kinds[name] = "institute" if _INSTITUTE.search(name) else "firm"
    return kinds


_LABELS = {"industry": "Industry", "patent": "Patent", "firm": "Organization",
           "institute": "Organization"}


def node_key(name: str, kind: str) -> str:
    """Node id of an ICKG entity of a kind."""
    return organization_key(name) if _LABELS[kind] == "Organization" else f"ickg:{name}"


def _node(name: str, kind: str, origin: Origin) -> NodeRecord:
    if kind == "industry":
        return NodeRecord("Industry", node_key(name, kind),
                          {"name": name, "scheme": "ickg", "source": SOURCE}, origin)
    if kind == "patent":
        return NodeRecord("Patent", node_key(name, kind), {"title": name, "source": SOURCE},
                          origin)
    return NodeRecord("Organization", node_key(name, kind),
                      {"name": name, "role": kind, "source": SOURCE}, origin,
                      role="Institute" if kind == "institute" else "Firm")


def records(paths: list[Path]) -> Iterator[Record]:
    """Records of each ICKG folder given (or of the folder of a file given)."""
    for path in paths:
        folder = path if path.is_dir() else path.parent
        from innochain.loaders.ickg_split import check_folder  # it imports this module

        check_folder(folder)
        try:
            rows = list(_rows(folder))
        except UnicodeDecodeError as exc:
            raise LoadError(f"{folder}: a file is not UTF-8 (byte {exc.start}); save the ICKG "
                            "files as UTF-8") from None
        good = [r for r in rows if isinstance(r, _Row)]
        yield from (r for r in rows if isinstance(r, Reject))
        kinds = entity_kinds([r.quad for r in good])
        yield from _unused_entities(folder, kinds)
        yield from _quad_records(good, kinds)


def _unused_entities(folder: Path, kinds: dict[str, str]) -> Iterator[Reject]:
    path = folder / "entity2id.txt"
    for line_no, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        name = line.rsplit("\t", 1)[0].strip()
        if line.strip() and name not in kinds:
            yield Reject(str(path), line_no, "entity", name, "in no quadruple, so its kind "
                         "(firm, industry, patent, institute) cannot be told; not loaded")


def _edge_of(row: _Row, kinds: dict[str, str]) -> tuple[str, str, str, str, str] | Reject:
    """(type, src label, src key, dst label, dst key) of a quadruple, or why not."""
    q = row.quad
    rel_type, reverse = RELATIONS.get(q.rel, ("", False))
    if not rel_type:
        return Reject(row.origin.file, row.origin.line, "rel", q.rel,
                      "relation not in this loader's table (ickg.RELATIONS)")
    src, dst = (q.tail, q.head) if reverse else (q.head, q.tail)
    if node_key(src, kinds[src]) == node_key(dst, kinds[dst]):
        return Reject(row.origin.file, row.origin.line, "tail", q.tail,
                      f"{q.rel} links '{q.head}' to itself")
    labels = (_LABELS[kinds[src]], _LABELS[kinds[dst]])
    if labels not in rel_type_spec(rel_type).endpoints:
        return Reject(row.origin.file, row.origin.line, "tail", q.tail,
                      f"{q.rel} cannot join a {kinds[q.head]} to a {kinds[q.tail]}")
    return (rel_type, labels[0], node_key(src, kinds[src]), labels[1],
            node_key(dst, kinds[dst]))


def _quad_records(rows: list[_Row], kinds: dict[str, str]) -> Iterator[Record]:
    edges: dict[tuple[str, str, str, str, str], list[_Row]] = defaultdict(list)
    for row in rows:
        edge = _edge_of(row, kinds)
        if isinstance(edge, Reject):
            yield edge
            continue
        edges[edge].append(row)
    for (rel_type, src_label, src, dst_label, dst), group in edges.items():
        first = min(group, key=lambda r: r.quad.time)
        props: dict[str, Any] = {
            "since": first.quad.time, "year": int(first.quad.time[:4]), "times": len(group),
            "relation": "; ".join(sorted({r.quad.rel for r in group})), "source": SOURCE}
        if rel_type == "SUPPLIES":  # the graph model's SUPPLIES.since is a year
            props["since"] = props["year"]
        for row in group:  # every row is read; the edge is written once (first row)
            yield _node(row.quad.head, kinds[row.quad.head], row.origin)
            yield _node(row.quad.tail, kinds[row.quad.tail], row.origin)
        yield EdgeRecord(rel_type, src_label, src, dst_label, dst, props, group[0].origin,
                         field_name="tail")
