"""Fixtures for real backends: an embedded FalkorDB and a Neo4j 5 started from Maven Central.

Environment (also in TESTING.md):
- NEO4J_URI (+ NEO4J_USERNAME, NEO4J_PASSWORD): use that Neo4j instead of starting one.
- INNOCHAIN_TEST_ARTIFACTS: where server logs and screenshots are kept (default artifacts/).
- CI=true: a skipped backend, browser or shared-data test fails the run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from innochain.graph.falkordb_store import FalkorDBStore
from innochain.graph.store import GraphStore

# In CI the fuzz tests run a fixed, seeded set of examples, so a red run can be repeated and a
# green one stays green; locally every run explores new examples (and keeps what fails).
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("INNOCHAIN_SHARED_DATA", ROOT.parent / "shared" / "data"))
ARTIFACTS = Path(os.environ.get("INNOCHAIN_TEST_ARTIFACTS", ROOT / "artifacts"))
GUARDED_MARKERS = ("falkordb", "neo4j", "ui", "shared_data")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real public data beside the project; tests skip with a reason when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"the shared data folder {SHARED_DATA} is absent (a clone of the project "
                    "alone has no ../shared/data)")
    return SHARED_DATA


# -- FalkorDB ---------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def falkordb_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One embedded server for the session; each test gets its own graph in it."""
    from innochain.graph import falkordb_server

    data_dir = tmp_path_factory.mktemp("falkordb")
    falkordb_server.start_or_reuse(data_dir)
    yield data_dir
    falkordb_server.stop(data_dir)
    log = falkordb_server.server_paths(data_dir).log_file
    if log.exists():
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "falkordb.log").write_bytes(log.read_bytes())


@pytest.fixture
def falkordb_store(falkordb_dir: Path) -> Iterator[FalkorDBStore]:
    """An empty graph of its own on the session's embedded FalkorDB."""
    graph = f"t_{uuid.uuid4().hex[:12]}"
    store = FalkorDBStore(f"falkordb://{falkordb_dir}?graph={graph}", data_dir=falkordb_dir,
                          graph=graph)
    yield store
    store.clear()
    store.close()


# -- Neo4j ------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """NEO4J_URI when set, else a Neo4j 5.26 Community started in process for the session."""
    given = os.environ.get("NEO4J_URI")
    if given:
        yield given
        return
    from innochain.errors import BackendUnavailable
    from innochain.neo4j_devserver import start_neo4j

    home = tmp_path_factory.mktemp("neo4j")
    try:
        server = start_neo4j(home)
    except BackendUnavailable as exc:
        _keep_log(home)
        pytest.skip(f"Neo4j 5 server could not be started: {exc}")
    try:
        yield server.uri
    finally:
        server.stop()
        _keep_log(home)


def _keep_log(home: Path) -> None:
    log = home / "neo4j.log"
    if log.exists():
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "neo4j.log").write_bytes(log.read_bytes())


@pytest.fixture
def neo4j_store(neo4j_uri: str) -> Iterator[GraphStore]:
    """The session's Neo4j, emptied before the test (Community has one database)."""
    from innochain.graph.neo4j_store import Neo4jStore

    store = Neo4jStore(neo4j_uri, username=os.environ.get("NEO4J_USERNAME"),
                       password=os.environ.get("NEO4J_PASSWORD"))
    store.clear()
    yield store
    store.close()


@pytest.fixture(params=[pytest.param("falkordb", marks=pytest.mark.falkordb),
                        pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest) -> GraphStore:
    """The same test on both real backends."""
    return request.getfixturevalue(f"{request.param}_store")  # type: ignore[no-any-return]


# -- CI: nothing that needs a real part may be skipped ----------------------------------------
_guarded_skips: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and any(m in report.keywords for m in GUARDED_MARKERS):
        _guarded_skips.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("CI", "").lower() == "true" and _guarded_skips:
        print(f"\nCI=true and {len(_guarded_skips)} test(s) needing a real backend, browser or "
              "the shared data were skipped; failing the run:")
        for nodeid in _guarded_skips[:20]:
            print(f"  {nodeid}")
        session.exitstatus = 1
