"""Admin-import files from a recorded graph: headers, types, labels, files and import.sh."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from innochain.graph.store import WriteResult
from innochain.neo4j_import import (
    ARRAY_DELIMITER,
    import_arguments,
    write_import_files,
)

ORG = {"key": "org:a", "labels": ["Organization", "Firm"],
       "props": {"id": "org:a", "name": "A, Inc.", "aliases": ["甲", "A"], "in_park": True,
                 "founded": 2001},
       "edges": [{"type": "OWNS", "props": {"sequence": 1}, "labels": ["Patent"],
                  "id": "P1", "code": None}]}
PATENT = {"key": "P1", "labels": ["Patent"],
          "props": {"id": "P1", "title": "two\nlines", "year": 2020, "family_id": 2**40},
          "edges": [{"type": "CLASSIFIED_AS", "props": {"main": True}, "labels": ["CPC"],
                     "id": None, "code": "H01L31/18"}]}
CPC = {"key": "H01L31/18", "labels": ["CPC"], "props": {"code": "H01L31/18", "level": "group"},
       "edges": []}


class RecordedGraph:
    """A store answering the page queries from fixed rows, one page per label."""

    uri, backend = "fake://", "fake"

    def __init__(self, pages: Mapping[str, list[dict[str, Any]]]) -> None:
        self.pages = pages
        self.queries: list[tuple[str | None, dict[str, Any]]] = []

    def run(self, cypher: str, params: Mapping[str, Any] | None = None, *,
            read_only: bool = True, tag: str | None = None) -> pd.DataFrame:
        self.queries.append((tag, dict(params or {})))
        label = (tag or "").rsplit("_", 1)[-1]
        rows = [r for r in self.pages.get(label, []) if r["key"] > (params or {})["after"]]
        return pd.DataFrame(rows[: (params or {})["page"]],
                            columns=["key", "labels", "props", "edges"])

    def write_batches(self, cypher: str, rows: Iterable[Mapping[str, Any]],
                      batch_size: int = 5000) -> WriteResult:
        raise AssertionError("the export never writes")


def read_csv(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def test_node_files_carry_id_space_labels_and_typed_headers(tmp_path: Path) -> None:
    graph = RecordedGraph({"Organization": [ORG], "Patent": [PATENT], "CPC": [CPC]})
    manifest = write_import_files(graph, tmp_path, page_size=1)  # type: ignore[arg-type]
    orgs = read_csv(tmp_path / "nodes_Organization.csv")
    assert orgs[0] == ["id:ID(Organization)", ":LABEL", "aliases:string[]", "founded:int",
                       "in_park:boolean", "name:string"]
    assert orgs[1] == ["org:a", f"Organization{ARRAY_DELIMITER}Firm",
                       f"甲{ARRAY_DELIMITER}A", "2001", "true", "A, Inc."]
    patents = read_csv(tmp_path / "nodes_Patent.csv")
    assert patents[0] == ["id:ID(Patent)", ":LABEL", "family_id:long", "title:string",
                          "year:int"]
    assert patents[1][3] == "two\nlines"
    assert read_csv(tmp_path / "nodes_CPC.csv")[0] == ["code:ID(CPC)", ":LABEL", "level:string"]
    assert (manifest.nodes, manifest.relationships, manifest.multiline) == (3, 2, True)


def test_relationship_files_are_per_type_and_endpoint_labels(tmp_path: Path) -> None:
    graph = RecordedGraph({"Organization": [ORG], "Patent": [PATENT], "CPC": [CPC]})
    write_import_files(graph, tmp_path)  # type: ignore[arg-type]
    owns = read_csv(tmp_path / "rels_OWNS_Organization_Patent.csv")
    assert owns == [[":START_ID(Organization)", ":END_ID(Patent)", ":TYPE", "sequence:int"],
                    ["org:a", "P1", "OWNS", "1"]]
    classified = read_csv(tmp_path / "rels_CLASSIFIED_AS_Patent_CPC.csv")
    assert classified[1] == ["P1", "H01L31/18", "CLASSIFIED_AS", "true"]
    assert not list(tmp_path.glob("*.spool"))


def test_pages_are_read_in_key_order_after_the_last_key(tmp_path: Path) -> None:
    patents = [dict(PATENT, key=f"P{i}", edges=[]) for i in range(1, 6)]
    graph = RecordedGraph({"Patent": patents})
    write_import_files(graph, tmp_path, page_size=2)  # type: ignore[arg-type]
    afters = [p["after"] for tag, p in graph.queries if tag == "neo4j_import/page_Patent"]
    assert afters == ["", "P2", "P4", "P5"]
    assert len(read_csv(tmp_path / "nodes_Patent.csv")) == 6


def test_rows_whose_types_disagree_go_to_a_second_file(tmp_path: Path) -> None:
    rows = [{"key": "x1", "labels": ["Product"], "props": {"power_w": 550, "model": 7},
             "edges": []},
            {"key": "x2", "labels": ["Product"], "props": {"power_w": 550.5, "model": "M7",
                                                            "tags": []}, "edges": []},
            {"key": "x3", "labels": ["Product"], "props": {"power_w": 600, "tags": ["a"]},
             "edges": []}]
    manifest = write_import_files(RecordedGraph({"Product": rows}),  # type: ignore[arg-type]
                                  tmp_path)
    assert read_csv(tmp_path / "nodes_Product.csv") == [
        ["id:ID(Product)", ":LABEL", "model:int", "power_w:int", "tags:string[]"],
        ["x1", "Product", "7", "550", ""], ["x3", "Product", "", "600", "a"]]
    assert read_csv(tmp_path / "nodes_Product.2.csv") == [
        ["id:ID(Product)", ":LABEL", "model:string", "power_w:double", "tags:string[]"],
        ["x2", "Product", "M7", "550.5", ""]]
    assert "--nodes=nodes_Product.2.csv" in import_arguments(manifest)
    assert manifest.empty_lists == 1


def test_import_script_holds_the_exact_command(tmp_path: Path) -> None:
    graph = RecordedGraph({"Organization": [ORG], "Patent": [PATENT], "CPC": [CPC]})
    manifest = write_import_files(graph, tmp_path, database="region")  # type: ignore[arg-type]
    args = import_arguments(manifest, "region")
    assert args[:4] == ["database", "import", "full", "region"]
    assert "--array-delimiter=U+001F" in args and "--multiline-fields=true" in args
    assert "--nodes=nodes_Organization.csv" in args
    assert "--relationships=rels_OWNS_Organization_Patent.csv" in args
    script = (tmp_path / "import.sh").read_text()
    assert script.startswith("#!/bin/sh") and 'cd "$(dirname "$0")"' in script
    assert "neo4j-admin database import full region" in script
    assert script.replace(" \\\n  ", " ").count("--nodes=") == 3


def one_line_error(args: list[str]) -> str:
    """The CLI's output for a user mistake: exit code 1 or 2, no traceback."""
    from click.testing import CliRunner

    from innochain.cli import cli

    result = CliRunner().invoke(cli, ["export", "neo4j-import", *args])
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output
    return result.output


def test_command_refuses_a_folder_that_holds_files(tmp_path: Path) -> None:
    (tmp_path / "old.csv").write_text("x")
    output = one_line_error(["--out", str(tmp_path)])
    assert output.strip() == f"Error: {tmp_path} is not empty: give a new or empty folder to --out"


def test_command_needs_out() -> None:
    assert "Missing option '--out'" in one_line_error([])


def test_command_says_when_the_server_does_not_answer(tmp_path: Path) -> None:
    output = one_line_error(["--out", str(tmp_path / "new"), "--uri", "bolt://127.0.0.1:9"])
    assert output.startswith("Error: ") and len(output.strip().splitlines()) == 1
    assert "127.0.0.1:9" in output
    assert not (tmp_path / "new").exists() and not (tmp_path / "new.partial").exists()


def test_every_label_has_a_page_query() -> None:
    from innochain.graph.schema import NODE_TYPES
    from innochain.neo4j_import import cypher_text

    for node in NODE_TYPES:
        text = cypher_text(f"page_{node.label.lower()}")
        assert f"MATCH (n:{node.label})" in text and f"n.{node.key} > $after" in text
