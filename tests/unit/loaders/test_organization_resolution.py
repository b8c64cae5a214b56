"""Entity resolution inside a load: spellings land on one node, aliases kept, overrides win."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from innochain.loaders.organization_resolution import resolved_records
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record

ROWS = [("LONGi Green Energy Technology Co., Ltd.", "org:longi green energy technology"),
        ("LONGI GREEN ENERGY TECHNOLOGY CO LTD", "org:longi green energy technology co"),
        ("Tongwei Co., Ltd.", "org:tongwei")]


def _records() -> Iterator[Record]:
    for i, (name, key) in enumerate(ROWS, start=2):
        yield NodeRecord("Organization", key, {"name": name, "country": "CN"},
                         Origin("f.csv", i), role="Firm")
    yield EdgeRecord("SUPPLIES", "Organization", "org:tongwei", "Organization",
                     "org:longi green energy technology co", {}, Origin("f.csv", 5))


def _ids(records: list[Record]) -> set[str]:
    return {r.key for r in records if isinstance(r, NodeRecord)}


def test_two_spellings_of_one_firm_become_one_node_with_both_as_aliases() -> None:
    stream, resolution = resolved_records(_records, [])
    records = list(stream)
    assert _ids(records) == {"org:longi green energy technology", "org:tongwei"}
    [edge] = [r for r in records if isinstance(r, EdgeRecord)]
    assert edge.dst == "org:longi green energy technology"
    aliases = resolution.aliases["org:longi green energy technology"]
    assert "LONGI GREEN ENERGY TECHNOLOGY CO LTD" in aliases


def test_a_name_already_in_the_graph_keeps_its_node() -> None:
    known = [{"id": "uscc:91610000719744800E", "name": "隆基绿能科技股份有限公司",
              "name_en": "LONGi Green Energy Technology Co., Ltd.", "aliases": [], "uscc": None}]
    stream, _ = resolved_records(_records, known)
    assert "uscc:91610000719744800E" in _ids(list(stream))
    assert "org:longi green energy technology" not in _ids(list(resolved_records(
        _records, known)[0]))


def test_an_override_not_same_keeps_them_apart(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides.csv"
    overrides.write_text('name_a,name_b,relation\n"LONGi Green Energy Technology Co., Ltd.",'
                         '"LONGI GREEN ENERGY TECHNOLOGY CO LTD",not_same\n', encoding="utf-8")
    stream, resolution = resolved_records(_records, [], overrides=overrides)
    assert len(_ids(list(stream))) == 3 and resolution.merged == 0
