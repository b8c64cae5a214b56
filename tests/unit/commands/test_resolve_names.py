"""The resolve-names command as a user runs it: a CSV in, name,cluster,canonical out."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from innochain.commands.resolve_names import resolve_names


def write_names(path: Path, names: list[str]) -> Path:
    path.write_text("id,assignee\n" + "".join(f"{i},\"{n}\"\n" for i, n in enumerate(names)),
                    encoding="utf-8")
    return path


def test_writes_one_row_per_distinct_name(tmp_path: Path) -> None:
    source = write_names(tmp_path / "in.csv", ["Xerox Corp.", "XEROX CORPORATION", "Xerox Corp.",
                                               "隆基绿能", "隆基绿能科技股份有限公司"])
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(resolve_names, [str(source), "--column", "assignee",
                                                "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == ["name", "cluster", "canonical"]
    assert len(rows) == 4
    assert len({r["cluster"] for r in rows}) == 2
    # the most frequent registered spelling names the cluster
    assert {r["canonical"] for r in rows} == {"Xerox Corp.", "隆基绿能科技股份有限公司"}


def test_overrides_file_is_applied(tmp_path: Path) -> None:
    source = write_names(tmp_path / "in.csv", ["Xerox Corp.", "XEROX CORPORATION"])
    overrides = tmp_path / "overrides.csv"
    overrides.write_text("name_a,name_b,relation\nXerox Corp.,XEROX CORPORATION,not_same\n",
                         encoding="utf-8")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(resolve_names, [str(source), "--column", "assignee", "--out",
                                                str(out), "--overrides", str(overrides)])
    assert result.exit_code == 0, result.output
    assert len({r["cluster"] for r in csv.DictReader(out.open(encoding="utf-8"))}) == 2


def test_missing_column_lists_the_columns_that_exist(tmp_path: Path) -> None:
    source = write_names(tmp_path / "in.csv", ["Xerox Corp."])
    result = CliRunner().invoke(resolve_names, [str(source), "--column", "name", "--out",
                                                str(tmp_path / "out.csv")])
    assert result.exit_code == 1
    assert "no column 'name'; its columns are: id, assignee" in result.output
    assert "Traceback" not in result.output


def test_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(resolve_names, [str(tmp_path / "nope.csv"), "--column", "a",
                                                "--out", str(tmp_path / "out.csv")])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "not found" in result.output


def test_bad_overrides_file_is_a_one_line_error(tmp_path: Path) -> None:
    source = write_names(tmp_path / "in.csv", ["Xerox Corp."])
    result = CliRunner().invoke(resolve_names, [str(source), "--column", "assignee", "--out",
                                                str(tmp_path / "o.csv"), "--overrides",
                                                str(tmp_path / "missing.csv")])
    assert result.exit_code == 1
    assert "override file" in result.output
