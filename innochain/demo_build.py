"""Build the demo park graph from `seed_data/` alone: real reference data, the fictional park
and seeded synthetic patent portfolios.

Order matters: the chain first (segments for every later link), the real firms next (so the
park's files can name them), the park's organisations before their links, the synthetic
portfolios before the park files that name synthetic patents (licences, standards, cases),
and segment membership last, derived once for all steps. Every step goes through
`load_files`, the one path from files to graph (entity resolution included), except the
portfolios, which the generator yields and `run_load` writes. Nothing here reads ../shared:
the demo must build on a fresh clone.
"""

from __future__ import annotations

import csv
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from innochain.errors import ConfigError, LoadError
from innochain.graph.store import GraphStore
from innochain.loaders.chain_loader import derive_segment_membership
from innochain.loaders.chain_template import ChainTemplate, load_chain_template
from innochain.loaders.load_files import context_from, load_files
from innochain.loaders.load_run import LoadReport, run_load
from innochain.loaders.organization_ids import reference_key
from innochain.loaders.synthetic_patents import HolderSpec, generate_sized_portfolios
from innochain.queries.runner import run

ENV_SEED_DATA = "INNOCHAIN_SEED_DATA"
PARK_ID = "park:pv-demo"
CHAIN_ID = "pv"
PORTFOLIO_SEED = 20130601  # the handbook's year; any fixed number keeps the demo repeatable
PORTFOLIO_YEARS = (2008, 2025)
PORTFOLIO_FILE = "park/demo-portfolios.csv"
SYNTHETIC_KIND = "synthetic-demo"  # the LoadRun kind of the generated portfolios


@dataclass(frozen=True)
class FileStep:
    """One `load_files` call: a kind and its files under seed_data/."""

    title: str
    kind: str
    files: tuple[str, ...]


@dataclass
class StepResult:
    """What one step wrote, for the progress line."""

    title: str
    detail: str
    seconds: float
    rejects: int = 0


@dataclass
class DemoBuild:
    """The build's steps in order, and the counts afterwards."""

    steps: list[StepResult] = field(default_factory=list)
    node_counts: dict[str, int] = field(default_factory=dict)
    rel_counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


REFERENCE_STEPS = (
    FileStep("产业链模板 chain template", "chain", ("chains/pv.yaml",)),
    FileStep("IPC 分类名称 IPC titles", "ipc-titles", ("reference/ipc_pv_titles.csv",)),
    FileStep("CEC 产品清单 CEC PV lists", "cec-pv",
             ("reference/pv-products/sam-library-cec-modules-2019-03-05.csv",
              "reference/pv-products/sam-library-cec-inverters-2019-03-05.csv")),
    FileStep("供应关系 PV supply links", "pv-supply-links",
             ("reference/pv-supply-links/supply_links.csv",)),
    FileStep("专利纠纷 PV litigation", "pv-litigation", ("reference/pv-litigation/cases.csv",)),
)
PARK_STEPS = (
    FileStep("园区 park", "parks", ("park/parks.csv",)),
    FileStep("园区机构 park organisations", "organizations", ("park/organizations.csv",)),
    FileStep("联盟成员 alliance members", "alliances", ("park/alliances.csv",)),
    FileStep("园区供应关系 park supply links", "supply-links", ("park/supply-links.csv",)),
    FileStep("园区产品 park products", "products", ("park/products.csv",)),
)
# These name synthetic patents, so they come after the portfolios.
PATENT_STEPS = (
    FileStep("许可 licences", "licences", ("park/licences.csv",)),
    FileStep("标准 standards", "standards", ("park/standards.csv",)),
    FileStep("纠纷（演示） demo cases", "cases", ("park/cases.csv",)),
)


def seed_data_dir() -> Path:
    """seed_data/ of this checkout (or INNOCHAIN_SEED_DATA); ConfigError when absent."""
    given = os.environ.get(ENV_SEED_DATA)
    root = Path(given) if given else Path(__file__).resolve().parents[1] / "seed_data"
    if not (root / "park").is_dir():
        raise ConfigError(f"no demo data in {root}: run from a clone of the project or set "
                          f"{ENV_SEED_DATA} to its seed_data folder")
    return root


def step_count() -> int:
    """Steps a build runs (for 'step i/n' lines)."""
    return len(REFERENCE_STEPS) + len(PARK_STEPS) + len(PATENT_STEPS) + 2


def loaded_runs(store: GraphStore) -> set[tuple[str, tuple[str, ...]]]:
    """(kind, files) of every load recorded in the graph (LoadRun nodes)."""
    frame = run(store, "data.load_runs").frame
    return {(str(r["kind"]), tuple(sorted(r["files"] or ()))) for r in frame.to_dict("records")}


def _skipped(title: str) -> StepResult:
    return StepResult(title, "already loaded into this graph, skipped (--rebuild loads it "
                             "again)", 0.0)


def _file_step(store: GraphStore, root: Path, step: FileStep,
               done: set[tuple[str, tuple[str, ...]]]) -> StepResult:
    # Reloading a file is skipped: the organisation resolver may place a spelling on a
    # different node the second time, so a reload would not give the same graph.
    if (step.kind, tuple(sorted(str(root / f) for f in step.files))) in done:
        return _skipped(step.title)
    started = time.perf_counter()
    # Derived values wait for the last step (_derive_step): the same graph, derived once.
    outcome = load_files(store, step.kind, [root / f for f in step.files], derive=False)
    report = outcome.report
    detail = (f"{report.rows_read} rows, {report.nodes} node writes, "
              f"{report.edges} relationships")
    return StepResult(step.title, detail, time.perf_counter() - started, report.rows_rejected)


@dataclass(frozen=True)
class PortfolioRow:
    """One row of demo-portfolios.csv."""

    holder: str
    segments: tuple[str, ...]
    patents: int
    line: int


def read_portfolio_rows(path: Path) -> list[PortfolioRow]:
    """holder, segments (`;`), patents, basis; LoadError naming the line for a bad row."""
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            try:
                patents = int(row["patents"])
            except (TypeError, ValueError):
                raise LoadError(f"{path}:{line}: patents must be a whole number, "
                                f"not {row.get('patents')!r}") from None
            segments = tuple(s.strip() for s in (row["segments"] or "").split(";") if s.strip())
            if not row["holder"] or not segments or patents < 1:
                raise LoadError(f"{path}:{line}: a row needs a holder, segments and patents")
            rows.append(PortfolioRow(row["holder"].strip(), segments, patents, line))
    return rows


def portfolio_holders(store: GraphStore, rows: list[PortfolioRow], template: ChainTemplate,
                      path: Path) -> list[HolderSpec]:
    """Each row's holder as the graph knows it (named the way the templates name firms)."""
    known = context_from(store).known_organizations
    holders = []
    for row in rows:
        org_id = reference_key(row.holder, known)
        found = run(store, "data.organizations", {"org_id": org_id, "limit": 1}).frame
        if found.empty:
            raise LoadError(f"{path}:{row.line}: holder {row.holder!r} is not in the graph; "
                            "name an organisation the reference data or park files load")
        unknown = [s for s in row.segments if s not in template.segments]
        if unknown:
            raise LoadError(f"{path}:{row.line}: unknown segment {unknown[0]!r} of chain "
                            f"{template.id}")
        first = found.iloc[0]
        holders.append(HolderSpec(org_id=org_id, name=str(first["name"]),
                                  country=str(first["country"] or "CN"),
                                  segments=list(row.segments), in_park=bool(first["in_park"]),
                                  emit_node=False))
    return holders


def _portfolio_step(store: GraphStore, root: Path,
                    done: set[tuple[str, tuple[str, ...]]]) -> StepResult:
    title = "合成专利组合 synthetic portfolios"
    path = root / PORTFOLIO_FILE
    if (SYNTHETIC_KIND, (str(path),)) in done:
        return _skipped(title)
    started = time.perf_counter()
    template = load_chain_template(root / "chains" / "pv.yaml")
    rows = read_portfolio_rows(path)
    holders = portfolio_holders(store, rows, template, path)
    records = generate_sized_portfolios(template, holders, [r.patents for r in rows],
                                        seed=PORTFOLIO_SEED, years=PORTFOLIO_YEARS)
    report: LoadReport = run_load(store, SYNTHETIC_KIND, records, files=[str(path)])
    detail = (f"{sum(r.patents for r in rows)} synthetic patents for {len(rows)} holders, "
              f"{report.nodes} node writes, {report.edges} relationships")
    return StepResult(title, detail,
                      time.perf_counter() - started, report.rows_rejected)


def _derive_step(store: GraphStore) -> StepResult:
    started = time.perf_counter()
    patents, orgs = derive_segment_membership(store, CHAIN_ID)
    return StepResult("环节归属 segment membership",
                      f"{patents} patent-segment memberships, {orgs} organisation links",
                      time.perf_counter() - started)


def build_steps(store: GraphStore, root: Path) -> Iterator[Callable[[], StepResult]]:
    """The steps in order, each a call that runs it."""
    done = loaded_runs(store)
    for step in (*REFERENCE_STEPS, *PARK_STEPS):
        yield lambda step=step: _file_step(store, root, step, done)  # type: ignore[misc]
    yield lambda: _portfolio_step(store, root, done)
    for step in PATENT_STEPS:
        yield lambda step=step: _file_step(store, root, step, done)  # type: ignore[misc]
    yield lambda: _derive_step(store)


def build_demo(store: GraphStore, *, rebuild: bool = False, root: Path | None = None,
               progress: Callable[[int, int, StepResult], None] | None = None) -> DemoBuild:
    """Load the demo park into `store` (cleared first with `rebuild`); loading twice gives
    the same graph."""
    root = root or seed_data_dir()
    started = time.perf_counter()
    if rebuild:
        store.clear()
    store.ensure_schema()  # an empty store has no graph yet, and queries need one
    result = DemoBuild()
    total = step_count()
    for number, step in enumerate(build_steps(store, root), start=1):
        outcome = step()
        result.steps.append(outcome)
        if progress is not None:
            progress(number, total, outcome)
    store.finish_bulk_load()
    result.node_counts = _counts(store, "data.node_counts", "label", "nodes")
    result.rel_counts = _counts(store, "data.relationship_counts", "type", "relationships")
    result.seconds = time.perf_counter() - started
    return result


def _counts(store: GraphStore, query_id: str, key: str, value: str) -> dict[str, int]:
    frame = run(store, query_id).frame
    return {str(r[key]): int(r[value]) for r in frame.to_dict("records")}
