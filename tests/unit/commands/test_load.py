"""`innochain load`: kinds listed in help, one-line errors, dry run with a rejects file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from innochain.cli import cli
from innochain.loaders.registry import LOADERS

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_help_lists_every_kind_with_its_line() -> None:
    result = CliRunner().invoke(cli, ["load", "--help"])
    assert result.exit_code == 0
    for spec in LOADERS:
        assert f"{spec.kind}  " in result.output and spec.description in result.output


@pytest.mark.parametrize(("args", "message"), [
    (["organisations", "x.csv"], "unknown load kind 'organisations'; did you mean organizations?"),
    (["cnipa", "/no/such.csv", "--dry-run"], "/no/such.csv: no such file"),
    (["cnipa", str(FIXTURES), "--dry-run"], "is a directory; cnipa needs a file"),
    (["organizations", str(FIXTURES / "cnipa" / "README.md"), "--dry-run"], "reads .csv, .xlsx"),
])
def test_user_mistakes_are_one_line_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["load", *args])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output and result.output.count("\n") == 1


def test_dry_run_prints_summary_and_writes_rejects_only_when_there_are_some(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    clean = runner.invoke(cli, ["load", "cnipa", str(FIXTURES / "cnipa" / "incopat_gb18030.csv"),
                                "--dry-run"])
    assert clean.exit_code == 0 and "2 rows read, would load 2, rejected 0" in clean.output
    assert not (tmp_path / "cnipa-rejects.csv").exists()
    dirty = runner.invoke(cli, ["load", "cnipa", str(FIXTURES / "cnipa" / "cnipa_export.csv"),
                                "--dry-run"])
    assert dirty.exit_code == 0 and "rejected 2" in dirty.output
    text = (tmp_path / "cnipa-rejects.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("file,line,field,value,reason") and "filing_date" in text
