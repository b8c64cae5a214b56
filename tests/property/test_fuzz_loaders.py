"""Fuzzed CSV and XLSX files through `load_files`: organisations, supply links, CNIPA exports.

Files are built from Chinese and English headers (shuffled, duplicated, some junk), cells
that are valid, malformed or hostile (formulas, control characters, quotes, huge fields),
then written in UTF-8, UTF-8 with BOM, GB18030, Latin-1 or UTF-16, and sometimes damaged
(stray quotes, cut short, random bytes). Whatever comes in, a user must get either a report
or one LoadError line, never a traceback; every row read is loaded or rejected with a reason;
and the graph holds exactly what the accepted rows describe.

Failing inputs found by the fuzzer are kept in `corpus/<kind>/` and replayed by a plain test.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from innochain.errors import LoadError
from innochain.graph.store import GraphStore
from innochain.graph.writes import upsert_nodes
from innochain.loaders import agency_templates, cnipa
from innochain.loaders.load_files import load_files
from innochain.loaders.load_run import LoadReport
from innochain.loaders.organization_ids import organization_key
from innochain.loaders.records import EdgeRecord, NodeRecord, Reject
from innochain.loaders.tabular import ColumnSpec
from tests.graph_checksum import run_test_query
from tests.property.fuzz_checks import expected_records
from tests.property.fuzz_mutations import damaged_bytes

CORPUS = Path(__file__).parent / "corpus"
ARTIFACTS = Path(os.environ.get("INNOCHAIN_TEST_ARTIFACTS",
                                Path(__file__).resolve().parents[2] / "artifacts"))
KINDS: dict[str, tuple[ColumnSpec, ...]] = {
    "organizations": agency_templates.ORGANIZATIONS.columns,
    "supply-links": agency_templates.SUPPLY_LINKS.columns,
    "cnipa": cnipa.COLUMNS,
}
# Organisations put in the graph before a supply-links file, so some links resolve.
KNOWN = ("通威股份有限公司", "隆基绿能科技股份有限公司", "Solaris Inc.")
NAMES = (*KNOWN, "未知公司", "Nowhere GmbH", "西安交通大学", "91610000719744800E",
         "org:tongwei", "uscc:91610000719744800E")
VALID: dict[str, tuple[str, ...]] = {
    "name": NAMES, "supplier": NAMES, "customer": NAMES, "name_en": ("LONGi", "Tongwei"),
    "role": ("firm", "企业", "研究院", "alliance", "spaceship"),
    "uscc": ("91610000719744800E", "91510100MA6CA5AX5R", "12345"),
    "country": ("CN", "中国", "美国", "USA", "cn"), "founded": ("2000", "1799", "二〇〇〇"),
    "size": ("large", "小微", "huge"), "in_park": ("是", "否", "yes", "maybe"),
    "since": ("2021", "2021.0", "21"), "until": ("2023", "-1"), "id": ("org:x", "uscc:1", "x"),
    "aliases": ("隆基股份;LONGi", ";;"),
    "publication_number": ("CN114123456A", "CN 114123456 A", "US10000000B2", "EP1234567A1",
                           "CN1141234", "ZZ"),
    "application_number": ("CN202110012345.6", "202110012345.6", "bad"),
    "filing_date": ("2021-03-05", "2021/3/5", "20210305", "2021-02-30", "2021"),
    "publication_date": ("2022-01-01", "not a date"), "grant_date": ("2023-05-06",),
    "applicants": ("隆基绿能科技股份有限公司;西安交通大学", "Solaris Inc.|Nowhere GmbH",
                   "有限公司"),
    "inventors": ("张三;李四", "Jane Doe, John Roe"),
    "ipc": ("H01L31/18;H01L31/0216", "H01L 31/18 (2006.01)", "NOT/IPC", "h01l31/18"),
    "main_class": ("H01L31/18", "C30B15/00", "?"),
}
HOSTILE = (
    "=1+1", "=HYPERLINK(\"http://x\")", " =cmd|' /C calc'!A0", "+SUM(A1)", "-2+3", "@SUM(A1)",
    "\x00\x01\x07\x1b", "a\tb\rc\nd", "\u200b\ufeff\u2028", "\"", "\"\"\"", "a,b", "'; DROP",
    "x'}) DETACH DELETE n //", "名称", "ｆｕｌｌ－ｗｉｄｔｈ", "\u0300", "é", "Ω", "𠀀", " ",
)
HUGE = ("长" * 140_000, "x" * 200_000)  # past the csv module's 131,072-character field limit


@dataclass(frozen=True)
class Table:
    """A generated table: kind, header texts and rows of cells (str, int, float or None)."""

    kind: str
    header: list[str]
    rows: list[list[Any]]


def _header_texts(spec: ColumnSpec) -> list[str]:
    return [spec.name, *spec.en, *spec.zh, spec.name.upper(), f" {spec.name} ", f"*{spec.name}"]


@st.composite
def tables(draw: st.DrawFn, kind: str, max_rows: int = 6) -> Table:
    """Headers from the kind's aliases (some dropped, duplicated or junk), hostile cells."""
    columns = KINDS[kind]
    chosen = [c for c in columns if draw(st.floats(0, 1)) < (0.95 if c.required else 0.5)]
    header = [draw(st.sampled_from(_header_texts(c))) for c in chosen]
    header += draw(st.lists(st.sampled_from(["", "备注2", "Unnamed: 3", "名称", "\ufeffname",
                                             "PN", "IPC"]), max_size=2))
    header = draw(st.permutations(header))
    # The first value of each pool is valid: half the cells take it, so whole rows load.
    cells = {c.name: st.one_of(st.just(VALID.get(c.name, (c.example or "x",))[0]),
                               st.sampled_from(VALID.get(c.name, (c.example or "x",))))
             for c in columns}
    any_cell = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12), st.none(),
                         st.integers(-10, 3000), st.floats(allow_nan=True, allow_infinity=True))
    names = [next((c.name for c in columns if text in _header_texts(c)), "") for text in header]
    rows = []
    for _ in range(draw(st.integers(0, max_rows))):
        # Mostly plausible cells, so rows get loaded too; one in six hostile.
        row = [draw(cells[n] if n and draw(st.integers(0, 5)) else any_cell) for n in names]
        if draw(st.integers(0, 9)) == 0:
            row = row[:draw(st.integers(0, len(row)))]  # a short row
        rows.append(row)
    if rows and draw(st.integers(0, 4)) == 0:
        rows.append(list(rows[0]))  # a duplicated row (a repeated key)
    if rows and rows[0] and draw(st.integers(0, 14)) == 0:
        rows[0][0] = draw(st.sampled_from(HUGE))
    return Table(kind, header, rows)


ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "latin-1", "utf-16")


def csv_bytes(table: Table, encoding: str) -> bytes:
    """The table as CSV in `encoding` (characters it cannot hold become '?')."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(table.header)
    for row in table.rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue().encode(encoding, errors="replace")


def xlsx_bytes(table: Table) -> bytes:
    """The table as an XLSX workbook; numbers stay numbers, `=` cells become formulas."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    sheet = book.active
    for row in [table.header, *table.rows]:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v)[:32_767] if isinstance(v, str) else v
                      for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@st.composite
def table_files(draw: st.DrawFn, kind: str) -> tuple[str, bytes]:
    """(suffix, file bytes) of a generated and possibly damaged table."""
    table = draw(tables(kind))
    if draw(st.integers(0, 3)) == 0:
        data = xlsx_bytes(table)
        if draw(st.integers(0, 3)) == 0:
            data = _damaged_xlsx(data, draw(st.integers(0, 10_000)))
        return ".xlsx", data
    data = csv_bytes(table, draw(st.sampled_from(ENCODINGS[:3] * 3 + ENCODINGS[3:])))
    return ".csv", draw(damaged_bytes(data))


def _damaged_xlsx(data: bytes, at: int) -> bytes:
    """Truncate the file, or garble the sheet's XML inside an intact zip."""
    if at % 2:
        return data[:at % max(len(data), 1)]
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                body = body[:at % max(len(body), 1)]
            dst.writestr(item, body)
    return out.getvalue()


# -- the invariants ----------------------------------------------------------------------------
def _lines(records: list[Any]) -> tuple[set[int], set[int]]:
    """(lines that gave nodes or relationships, lines the loader rejected)."""
    made = {r.origin.line for r in records if not isinstance(r, Reject) and r.origin}
    rejected = {r.line for r in records if isinstance(r, Reject)}
    return made, rejected


def check_load(store: GraphStore | None, kind: str, path: Path) -> LoadReport | None:
    """Load `path` (dry run without a store) and check what a user relies on; the report,
    or None when the file was refused as a whole with one LoadError line."""
    try:
        # What the loader yields, organisations resolved against the graph as it is before
        # the load, as load_files does (a short name may resolve to a full name's id).
        records: list[Any] | None = expected_records(store, kind, path)
    except LoadError:
        records = None
    try:
        report = load_files(store, kind, [path], dry_run=store is None).report
    except LoadError as exc:
        message = str(exc)
        assert message.strip() and "\n" not in message and "Traceback" not in message
        return None
    assert records is not None, "the records could not be read, yet the load went through"
    assert all(r.reason.strip() for r in report.rejects), report.rejects
    assert all(r.file == str(path) and r.line >= 2 for r in report.rejects)
    made, rejected = _lines(records)
    assert not made & rejected, "a row was both loaded and rejected by the loader"
    assert report.rows_read == len(made | rejected)
    assert report.rows_read == report.rows_loaded + report.rows_rejected
    assert {r.line for r in report.rejects} >= rejected
    if store is not None:
        _check_graph(store, kind, records, {r.line for r in report.rejects})
    return report


def _check_graph(store: GraphStore, kind: str, records: list[Any], rejected: set[int]) -> None:
    """The graph holds the nodes and relationships of the accepted rows, and nothing else."""
    accepted = [r for r in records if not isinstance(r, Reject) and r.origin
                and r.origin.line not in rejected]
    expected_nodes = {(r.label, r.key) for r in accepted if isinstance(r, NodeRecord)}
    if kind == "supply-links":
        expected_nodes |= {("Organization", organization_key(n)) for n in KNOWN}
    expected_edges = {(r.src, r.rel, r.dst) for r in accepted if isinstance(r, EdgeRecord)}
    found_nodes = set()
    for row in run_test_query(store, "all_nodes"):
        label = next(lbl for lbl in ("Patent", "Organization", "Person", "CPC", "Park")
                     if lbl in row["labels"])
        found_nodes.add((label, row["props"].get("id", row["props"].get("code"))))
    found_edges = {(r["src"], r["type"], r["dst"]) for r in run_test_query(store, "all_edges")}
    assert found_nodes == expected_nodes
    assert found_edges == expected_edges


# -- the tests -----------------------------------------------------------------------------------
class FailureKeeper:
    """Remembers the last failing file (after shrinking, the smallest) and keeps it in
    artifacts/fuzz-failures/<kind>/, from where it is moved into the corpus."""

    def __init__(self, kind: str) -> None:
        self.kind, self.last, self.suffix = kind, b"", ""

    def failed(self, path: Path) -> None:
        self.last, self.suffix = path.read_bytes(), path.suffix

    def run(self, fuzz: Callable[[], None]) -> None:
        try:
            fuzz()
        except BaseException:
            if self.suffix:
                digest = hashlib.sha256(self.last).hexdigest()[:12]
                keep = ARTIFACTS / "fuzz-failures" / self.kind / f"{digest}{self.suffix}"
                keep.parent.mkdir(parents=True, exist_ok=True)
                keep.write_bytes(self.last)
            raise


def _write(tmp: Path, suffix: str, data: bytes) -> Path:
    path = tmp / f"fuzzed{suffix}"
    path.write_bytes(data)
    return path


def _dry_fuzz(kind: str, examples: int, tmp_path: Path) -> None:
    keeper = FailureKeeper(kind)

    @settings(max_examples=examples, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(file=table_files(kind))
    def fuzz(file: tuple[str, bytes]) -> None:
        path = _write(tmp_path, *file)
        try:
            report = check_load(None, kind, path)
        except BaseException:
            keeper.failed(path)
            raise
        outcome = ("refused with one LoadError line" if report is None else
                   "loaded, with rejects" if report.rows_rejected else "loaded, no rejects")
        event(outcome)
        tally[outcome] += 1

    tally: Counter[str] = Counter()
    keeper.run(fuzz)
    print(f"{kind}: {sum(tally.values())} fuzzed files, {dict(tally)}")


@pytest.mark.parametrize("kind", list(KINDS))
def test_fuzzed_files_give_a_report_or_one_load_error_line(kind: str, tmp_path: Path) -> None:
    _dry_fuzz(kind, 80, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(KINDS))
def test_many_fuzzed_files_give_a_report_or_one_load_error_line(kind: str,
                                                                tmp_path: Path) -> None:
    _dry_fuzz(kind, 500, tmp_path)


def _prepared(store: GraphStore, kind: str) -> None:
    store.clear()
    store.ensure_schema()
    if kind == "supply-links":
        upsert_nodes(store, "Organization", [{"key": organization_key(n), "props": {"name": n}}
                                             for n in KNOWN], role="Firm")


@pytest.mark.falkordb
@pytest.mark.parametrize("kind", list(KINDS))
def test_the_graph_holds_exactly_the_accepted_rows(kind: str, falkordb_store: GraphStore,
                                                   tmp_path: Path) -> None:
    keeper = FailureKeeper(kind)

    @settings(max_examples=25, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(file=table_files(kind))
    def fuzz(file: tuple[str, bytes]) -> None:
        _prepared(falkordb_store, kind)
        path = _write(tmp_path, *file)
        try:
            real = check_load(falkordb_store, kind, path)
            dry = check_load(None, kind, path)
        except BaseException:
            keeper.failed(path)
            raise
        assert (real is None) == (dry is None)
        if real is not None and dry is not None:
            assert real.rows_read == dry.rows_read
            assert real.rows_rejected >= dry.rows_rejected  # dangling links need the graph
        tally["refused" if real is None else "loaded"] += 1
        tally["rows read"] += real.rows_read if real else 0
        tally["rows rejected"] += real.rows_rejected if real else 0

    tally: Counter[str] = Counter()
    keeper.run(fuzz)
    print(f"{kind} on FalkorDB: {dict(tally)}")


def _corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*/*")
                  if p.parent.name in KINDS and p.suffix in (".csv", ".xlsx"))


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_of_past_failures_loads_or_fails_in_one_line(path: Path) -> None:
    check_load(None, path.parent.name, path)
