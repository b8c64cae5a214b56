"""Load-time checks of query files: each malformed file is reported with its file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from innochain.errors import QueryPackError
from innochain.queries.cypher_text import blank_comments_and_strings, used_parameters
from innochain.queries.pack_format import PackFileError, parse_query_file
from innochain.queries.pack_library import load_library

PACKS = Path(__file__).resolve().parents[2] / "fixtures" / "packs"


def _error(case: str) -> PackFileError:
    with pytest.raises(PackFileError) as caught:
        load_library([PACKS / case])
    return caught.value


def test_a_good_file_loads_with_its_metadata() -> None:
    library = load_library([PACKS / "good"])
    spec = library.query("demo.counts")
    assert spec.title.zh == "计数" and spec.title.en == "Counts"
    assert list(spec.params) == ["label_prefix", "limit", "since", "share", "rollup", "ids",
                                 "org_id"]
    assert spec.params["since"].required and spec.params["limit"].default == 10
    assert spec.params["org_id"].ref == "Organization"
    assert list(spec.columns) == ["label", "n", "share"]
    assert spec.cypher.startswith("// '$not_a_param'")
    assert "title:" not in spec.cypher  # the header is not sent
    assert library.packs["demo"].queries == ("demo.counts",)


@pytest.mark.parametrize(("case", "line", "words"), [
    ("undeclared_param", 23, "$missing is used but not declared"),
    ("unused_param", 8, "parameter limit is declared but the query never uses $limit"),
    ("empty_body", 19, "the query body is empty"),
    ("id_mismatch", 2, "does not match the file's place; use 'demo.id_mismatch'"),
    ("no_header", 1, "starts with its header"),
    ("bad_type", 10, "type 'decimal'"),
])
def test_each_malformed_file_names_file_and_line(case: str, line: int, words: str) -> None:
    error = _error(case)
    assert error.line == line
    assert words in error.reason
    assert str(error).startswith(f"{error.path}:{line}: ")
    assert error.path.parent.parent == PACKS / case
    assert isinstance(error, QueryPackError)


def test_bad_yaml_points_into_the_header() -> None:
    error = _error("bad_yaml")
    assert "not valid YAML" in error.reason
    assert error.line in (6, 7)  # the unclosed flow sequence on line 6


def test_duplicate_ids_name_both_files() -> None:
    with pytest.raises(PackFileError) as caught:
        load_library([PACKS / "dup_a", PACKS / "dup_b"])
    message = str(caught.value)
    assert "duplicate query id 'demo.same'" in message
    assert str(PACKS / "dup_a" / "demo" / "same.cypher") in message
    assert str(PACKS / "dup_b" / "demo" / "same.cypher") in message


def test_a_pack_without_pack_yaml_is_refused() -> None:
    error = _error("missing_pack_file")
    assert error.path.name == "pack.yaml" and "has no pack.yaml" in error.reason


def test_parse_one_file_directly() -> None:
    spec = parse_query_file(PACKS / "good" / "demo" / "counts.cypher", "demo")
    assert spec.id == "demo.counts" and spec.pack == "demo" and spec.name == "counts"


def test_parameters_in_comments_and_strings_are_not_uses() -> None:
    text = "// $a\nRETURN '$b' AS x, \"$c\" AS y, $d AS `$e` /* $f */, $g\n"
    assert used_parameters(text) == {"d": 2, "g": 2}
    assert len(blank_comments_and_strings(text)) == len(text)
