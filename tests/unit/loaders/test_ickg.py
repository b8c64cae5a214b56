"""ICKG quadruples (hand-made fixture): typing, relation table, earliest time, rejects."""

from __future__ import annotations

from pathlib import Path

import pytest

from innochain.errors import LoadError
from innochain.loaders import ickg
from innochain.loaders.organization_ids import organization_key as key
from innochain.loaders.records import EdgeRecord, NodeRecord, Reject

FOLDER = Path(__file__).resolve().parents[2] / "fixtures" / "ickg"


def _records() -> list:
    return list(ickg.records([FOLDER]))


def test_every_relation_of_the_data_set_is_mapped() -> None:
    names = [line.split("\t")[0] for line in
             (FOLDER / "relation2id.txt").read_text(encoding="utf-8").splitlines()]
    assert set(names) == set(ickg.RELATIONS)


def test_entities_are_typed_by_the_relations_they_take_part_in() -> None:
    nodes = {(r.label, r.role, r.key) for r in _records() if isinstance(r, NodeRecord)}
    assert ("Industry", None, "ickg:测试光伏行业") in nodes
    assert ("Organization", "Firm", key("甲测试公司")) in nodes
    assert ("Organization", "Institute", key("丙测试研究院")) in nodes
    assert ("Patent", None, "ickg:CN99999999") in nodes


def test_directions_and_earliest_time_with_a_count() -> None:
    edges = {(r.rel, r.src, r.dst): r.props for r in _records() if isinstance(r, EdgeRecord)}
    supplies = edges[("SUPPLIES", key("甲测试公司"), key("乙测试公司"))]
    assert supplies["since"] == 2015 and supplies["times"] == 2  # a year, as SUPPLIES says
    parent = edges[("SUBSIDIARY_OF", key("乙测试公司"), key("甲测试公司"))]
    assert parent["since"] == "2015-01-21" and parent["year"] == 2015
    assert ("FEEDS", "ickg:测试硅料行业", "ickg:测试光伏行业") in edges
    assert ("CHILD_OF", "ickg:测试硅料行业", "ickg:测试光伏行业") in edges
    assert ("OWNS", key("甲测试公司"), "ickg:CN99999999") in edges


def test_bad_lines_and_untyped_entities_are_rejected() -> None:
    rejects = {(Path(r.file).name, r.line, r.field) for r in _records()
               if isinstance(r, Reject)}
    assert rejects == {("valid.txt", 1, "tail"), ("valid.txt", 2, "tail"),
                       ("entity2id.txt", 7, "entity")}


def test_read_quadruples_by_name_sorted_by_time_and_strict(tmp_path: Path) -> None:
    for name in ("entity2id.txt", "relation2id.txt", "time2id.txt"):
        (tmp_path / name).write_bytes((FOLDER / name).read_bytes())
    (tmp_path / "train.txt").write_text("2\t1\t3\t3\n1\t0\t0\t2\n", encoding="utf-8")
    (tmp_path / "valid.txt").write_text("", encoding="utf-8")
    (tmp_path / "test.txt").write_text("", encoding="utf-8")
    assert ickg.read_quadruples(tmp_path) == [
        ickg.Quadruple("测试硅料行业", "上游于", "测试光伏行业", "2015-01-28"),
        ickg.Quadruple("甲测试公司", "供给", "乙测试公司", "2015-02-04")]
    (tmp_path / "test.txt").write_text("2\t1\t99\t3\n", encoding="utf-8")
    with pytest.raises(LoadError, match="test.txt:1"):
        ickg.read_quadruples(tmp_path)
