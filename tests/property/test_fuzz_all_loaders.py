"""Fuzzed files for every load kind not covered by `test_fuzz_loaders.py`.

Each kind starts from real seed files (its fixtures in `tests/fixtures/`, `seed_data/`, or the
real rows in `seeds/`), mutated by `fuzz_mutations` (headers, cells, rows, encodings, bytes;
JSON Lines, YAML and RDF in their own ways). `fuzz_checks.check_load` states what must hold.
A dry run checks every case; a share is loaded into a real embedded FalkorDB and the graph
compared with what the accepted rows describe. Failing cases found by the fuzzer are kept in
`corpus/<kind>/` (a file, or a folder for the kinds that read folders) and replayed here.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from innochain.graph.store import GraphStore
from innochain.graph.writes import upsert_nodes
from innochain.loaders import agency_templates as T
from innochain.loaders.load_files import load_files
from innochain.loaders.organization_ids import organization_key
from innochain.loaders.registry import REGISTRY
from tests.property.fuzz_checks import FailureKeeper, check_load, write_case
from tests.property.fuzz_mutations import ENCODINGS, SeedFile, mutated_files

ROOT = Path(__file__).resolve().parents[2]
FIXTURES, SEEDS, CORPUS = ROOT / "tests" / "fixtures", Path(__file__).parent / "seeds", \
    Path(__file__).parent / "corpus"
COVERED_ELSEWHERE = {"organizations", "supply-links", "cnipa"}  # test_fuzz_loaders.py
DRY_EXAMPLES, SLOW_DRY_EXAMPLES = 25, 100
GRAPH_EXAMPLES, SLOW_GRAPH_EXAMPLES = 4, 12


def _text(path: Path, lines: int | None = None) -> str:
    text = path.read_text(encoding="utf-8-sig")
    return "".join(text.splitlines(keepends=True)[:lines]) if lines else text


def _template(template: T.Template, *files: Path) -> list[tuple[SeedFile, ...]]:
    aliases = {c.name: (*c.en, *c.zh) for c in template.columns}
    return [(SeedFile(f"{template.kind}.csv", _text(f), aliases=aliases),) for f in files]


def _tables(folder: Path, names: tuple[str, ...], delimiter: str = ",", header_rows: int = 1,
            encodings: tuple[str, ...] = ENCODINGS, unchanged: int = 1) -> tuple[SeedFile, ...]:
    return tuple(SeedFile(n, _text(folder / n), delimiter=delimiter, header_rows=header_rows,
                          encodings=encodings, unchanged=unchanged) for n in names)


# Folders of several files: one file in another encoding refuses the whole load, so most
# cases keep UTF-8 and leave the id tables alone, to reach the rows behind them.
MOSTLY_UTF8 = ("utf-8",) * 6 + ("utf-8-sig", "gb18030", "latin-1", "utf-16")
UTF8 = ("utf-8",) * 8 + ("utf-8-sig", "latin-1")  # PatentsView tables are UTF-8 only


@dataclass(frozen=True)
class Kind:
    """A load kind's seeds (one set is drawn per case), its optional files, and whether the
    loader is given the folder of the case (else its single file)."""

    seeds: Sequence[tuple[SeedFile, ...]]
    optional: frozenset[str] = frozenset()
    folder: bool = False
    xlsx: bool = False


def _kinds() -> dict[str, Kind]:
    tpl, park = FIXTURES / "templates", ROOT / "seed_data" / "park"
    pv_names = ("g_patent.csv", "g_assignee.csv", "g_inventor.csv", "g_cpc.csv",
                "g_patent_abstract.csv")
    chainkg = ("industry.json", "industry_industry.json", "company.json",
               "company_industry.json", "product.json", "company_product.json",
               "product_product.json")
    ickg = (*_tables(FIXTURES / "ickg", ("entity2id.txt", "relation2id.txt"), "\t", 0,
                     MOSTLY_UTF8, unchanged=7),
            *_tables(FIXTURES / "ickg", ("time2id.txt",), ",", 0, MOSTLY_UTF8, unchanged=7),
            *_tables(FIXTURES / "ickg", ("train.txt", "valid.txt", "test.txt"), "\t", 0,
                     MOSTLY_UTF8))
    rdf = [(SeedFile(f"seed.{s}", _text(SEEDS / "rdf" / f"seed.{s}"), form="text",
                     encodings=("utf-8", "utf-8", "utf-16", "latin-1")),)
           for s in ("ttl", "nt", "jsonld")]
    return {
        "parks": Kind(_template(T.PARKS, park / "parks.csv"), xlsx=True),
        "licences": Kind(_template(T.LICENCES, tpl / "licences.csv", park / "licences.csv"),
                         xlsx=True),
        "alliances": Kind(_template(T.ALLIANCES, tpl / "alliances.csv", park / "alliances.csv"),
                          xlsx=True),
        "standards": Kind(_template(T.STANDARDS, tpl / "standards.csv", park / "standards.csv"),
                          xlsx=True),
        "cases": Kind(_template(T.CASES, tpl / "cases.csv", park / "cases.csv"), xlsx=True),
        "products": Kind(_template(T.PRODUCTS, tpl / "products.csv", park / "products.csv"),
                         xlsx=True),
        "patentsview": Kind([_tables(SEEDS / "patentsview", pv_names[:1], unchanged=5,
                                     encodings=UTF8)
                             + _tables(SEEDS / "patentsview", pv_names[1:], unchanged=3,
                                       encodings=UTF8)],
                            frozenset(pv_names), folder=True),
        "ipc": Kind([_tables(SEEDS / "ipc", ("all_ipc.csv",), "\t", 0)]),
        "ipc-titles": Kind([(SeedFile("ipc_titles.csv", _text(
            ROOT / "seed_data" / "reference" / "ipc_pv_titles.csv", 16)),)]),
        "ipc-technology": Kind([(SeedFile("ipc_technology.csv", _text(
            ROOT / "seed_data" / "reference" / "ipc_technology.csv", 16)),)]),
        "rdf": Kind(rdf),
        "chain": Kind([(SeedFile("pv.yaml", _text(ROOT / "seed_data" / "chains" / "pv.yaml"),
                                 form="yaml", encodings=MOSTLY_UTF8, unchanged=3),)]),
        "cec-pv": Kind([_tables(FIXTURES / "cec-pv", (n,), header_rows=3)
                        for n in ("modules.csv", "inverters.csv")]),
        "pv-supply-links": Kind([_tables(FIXTURES / "pv-supply-links", ("supply_links.csv",))]),
        "pv-litigation": Kind([_tables(FIXTURES / "pv-litigation", ("cases.csv",))]),
        "apple-suppliers": Kind([_tables(FIXTURES / "apple-suppliers",
                                         ("apple-supplier-list.csv",))]),
        "chainkg": Kind([tuple(SeedFile(n, _text(FIXTURES / "chainkg" / n), form="jsonl",
                                        encodings=MOSTLY_UTF8)
                               for n in chainkg)], frozenset(chainkg), folder=True),
        "ickg": Kind([ickg], frozenset({"valid.txt", "test.txt", "time2id.txt"}), folder=True),
    }


KINDS = _kinds()


def test_every_load_kind_is_fuzzed() -> None:
    assert set(KINDS) | COVERED_ELSEWHERE == set(REGISTRY)


def _as_xlsx(data: bytes) -> bytes:
    """A CSV case as a workbook (cells the sheet format cannot hold are cleaned)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = data.decode("utf-8", errors="replace")
    book = Workbook()
    for row in csv.reader(io.StringIO(text, newline="")):
        book.active.append([ILLEGAL_CHARACTERS_RE.sub("", v)[:32_767] for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@st.composite
def cases(draw: st.DrawFn, kind: str) -> dict[str, bytes]:
    """The files of one fuzzed case of `kind`."""
    spec = KINDS[kind]
    files = draw(mutated_files(draw(st.sampled_from(spec.seeds)), spec.optional))
    if spec.xlsx and draw(st.integers(0, 3)) == 0:
        files = {Path(n).with_suffix(".xlsx").name: _as_xlsx(d) for n, d in files.items()}
    return files


def case_path(folder: Path, kind: str) -> Path:
    """What the loader is given: the case's folder, or its one file."""
    if KINDS[kind].folder:
        return folder
    files = sorted(folder.iterdir())
    return files[0] if files else folder / "empty.csv"


def _outcome(report: object) -> str:
    if report is None:
        return "refused with one LoadError line"
    return "loaded, with rejects" if report.rows_rejected else "loaded, no rejects"  # type: ignore[attr-defined]


_SETTINGS = {"deadline": None,
             "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much]}


def _dry_fuzz(kind: str, examples: int, tmp_path: Path) -> None:
    keeper, tally = FailureKeeper(kind), Counter[str]()

    @settings(max_examples=examples, **_SETTINGS)  # type: ignore[arg-type]
    @given(files=cases(kind))
    def fuzz(files: dict[str, bytes]) -> None:
        keeper.last = files
        write_case(tmp_path / "case", files)
        outcome = _outcome(check_load(None, kind, case_path(tmp_path / "case", kind)))
        event(outcome)
        tally[outcome] += 1

    keeper.run(fuzz)
    print(f"{kind}: {sum(tally.values())} fuzzed cases passed, {dict(tally)}")


@pytest.mark.parametrize("kind", list(KINDS))
def test_fuzzed_files_give_a_report_or_one_load_error_line(kind: str, tmp_path: Path) -> None:
    _dry_fuzz(kind, DRY_EXAMPLES, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(KINDS))
def test_many_fuzzed_files_give_a_report_or_one_load_error_line(kind: str,
                                                                tmp_path: Path) -> None:
    _dry_fuzz(kind, SLOW_DRY_EXAMPLES, tmp_path)


# -- into a real graph ---------------------------------------------------------------------
KNOWN_PATENTS = ("CN114000001A", "CN114000002B", "CN114123456A", "EP2220689B1")
LINK_KINDS = {"licences", "alliances", "standards", "cases", "products"}


def _prepared(store: GraphStore, kind: str) -> None:
    """An empty graph; for link templates, the organisations and patents they name."""
    store.clear()
    store.ensure_schema()
    if kind in LINK_KINDS:
        for orgs in (FIXTURES / "templates" / "organizations.csv",
                     ROOT / "seed_data" / "park" / "organizations.csv"):
            load_files(store, "organizations", [orgs])
        upsert_nodes(store, "Patent", [{"key": p, "props": {"source": "test"}}
                                       for p in KNOWN_PATENTS])
        upsert_nodes(store, "Organization", [{"key": organization_key("Nobody Corp"),
                                              "props": {"name": "Nobody Corp"}}], role="Firm")


def _graph_fuzz(kind: str, examples: int, store: GraphStore, tmp_path: Path) -> None:
    keeper, tally = FailureKeeper(kind), Counter[str]()

    @settings(max_examples=examples, **_SETTINGS)  # type: ignore[arg-type]
    @given(files=cases(kind))
    def fuzz(files: dict[str, bytes]) -> None:
        keeper.last = files
        _prepared(store, kind)
        write_case(tmp_path / "case", files)
        path = case_path(tmp_path / "case", kind)
        real = check_load(store, kind, path)
        dry = check_load(None, kind, path)
        assert (real is None) == (dry is None)
        if real is not None and dry is not None:
            assert real.rows_read == dry.rows_read
        tally[_outcome(real)] += 1
        tally["rows read"] += real.rows_read if real else 0
        tally["rows rejected"] += real.rows_rejected if real else 0

    keeper.run(fuzz)
    print(f"{kind} on FalkorDB: {dict(tally)}")


@pytest.mark.falkordb
@pytest.mark.parametrize("kind", list(KINDS))
def test_the_graph_holds_exactly_the_accepted_rows(kind: str, falkordb_store: GraphStore,
                                                   tmp_path: Path) -> None:
    _graph_fuzz(kind, GRAPH_EXAMPLES, falkordb_store, tmp_path)


@pytest.mark.slow
@pytest.mark.falkordb
@pytest.mark.parametrize("kind", list(KINDS))
def test_many_fuzzed_loads_hold_exactly_the_accepted_rows(kind: str, falkordb_store: GraphStore,
                                                          tmp_path: Path) -> None:
    _graph_fuzz(kind, SLOW_GRAPH_EXAMPLES, falkordb_store, tmp_path)


# -- the corpus of past failures -----------------------------------------------------------
def _corpus() -> list[tuple[str, Path]]:
    return sorted((p.parent.name, p) for p in CORPUS.glob("*/*")
                  if p.parent.name in KINDS and not p.name.startswith("."))


@pytest.mark.parametrize("kind,path", _corpus(), ids=lambda v: getattr(v, "name", v))
def test_corpus_of_past_failures_loads_or_fails_in_one_line(kind: str, path: Path) -> None:
    check_load(None, kind, path)


@pytest.mark.falkordb
@pytest.mark.parametrize("kind,path", _corpus(), ids=lambda v: getattr(v, "name", v))
def test_corpus_cases_load_into_the_graph_as_accepted(kind: str, path: Path,
                                                      falkordb_store: GraphStore) -> None:
    _prepared(falkordb_store, kind)
    check_load(falkordb_store, kind, path)
