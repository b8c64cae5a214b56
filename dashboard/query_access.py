"""The dashboard's only way to the graph: the query runner, cached per graph version.

The store is opened once per graph URI (st.cache_resource); each result is cached by
(URI, graph version, query id, parameters) with st.cache_data, so a page runs no query
when someone has asked the same before. The graph version (`data.graph_version`: the load
runs and when the last one finished) is itself asked at most every half minute, so a new
`innochain load` shows within that time without restarting the dashboard.
Errors are InnoChainError; the app shows them with st.error, never as a traceback.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from innochain.errors import BackendUnavailable
from innochain.graph.connect import open_store
from innochain.graph.store import GraphStore, redact_uri
from innochain.queries.pack_format import QuerySpec
from innochain.queries.pack_library import load_library
from innochain.queries.runner import QueryResult, run
from innochain.queries.scoring import SCORERS, apply_scoring
from innochain.settings import Settings

# Results change only when someone loads data, and `innochain load` changes the graph
# version that keys them; the TTL covers writes that record no load run (a neo4j-admin
# import into a running server) and frees results of versions nobody asks about any more.
RESULT_TTL_SECONDS = 3600
GRAPH_VERSION_TTL_SECONDS = 30
SERVER_INFO_TTL_SECONDS = 60


def graph_uri() -> str:
    """The URI the dashboard reads (INNOCHAIN_GRAPH_URI, else the embedded default)."""
    return Settings.from_env().graph_uri


def shown_uri() -> str:
    """The URI with any password replaced by ***."""
    return redact_uri(graph_uri())


@st.cache_resource(show_spinner=False)
def _store_for(uri: str) -> GraphStore:
    # Opening the embedded store starts its server once; every session shares the client.
    # Read-only by construction: on the embedded store an ACL user that may only read.
    return open_store(Settings.from_env(graph_uri=uri), read_only=True)


def store() -> GraphStore:
    """The store of the current URI, opened on first use."""
    return _store_for(graph_uri())


def has_query(query_id: str) -> bool:
    """Whether the packs hold this query (pages name the ones they still wait for)."""
    return query_id in load_library().queries


def query_spec(query_id: str) -> QuerySpec:
    """The header of a query: titles, parameters and column labels."""
    return load_library().query(query_id)


@st.cache_data(show_spinner=False, ttl=GRAPH_VERSION_TTL_SECONDS, max_entries=20)
def _cached_version(uri: str) -> str:
    row = run(_store_for(uri), "data.graph_version", {}).frame.iloc[0]
    return f"{row['load_runs']}@{row['last_finished']}"


def graph_version() -> str:
    """What the graph's loads look like now (runs and last finish); part of every cache key."""
    try:
        return _cached_version(graph_uri())
    except BackendUnavailable:
        _store_for.clear()
        raise


@st.cache_data(show_spinner=False, ttl=RESULT_TTL_SECONDS, max_entries=2000)
def _cached_run(uri: str, version: str, query_id: str, params: dict[str, Any]) -> QueryResult:
    return run(_store_for(uri), query_id, params)


def _declared(query_id: str, params: dict[str, Any] | None) -> dict[str, Any]:
    # Pages pass their whole context (park, segment, firm ...); each query takes its own.
    spec = query_spec(query_id)
    return {k: v for k, v in (params or {}).items() if k in spec.params and v is not None}


def run_query(query_id: str, params: dict[str, Any] | None = None) -> QueryResult:
    """Run a pack query with only the parameters its header declares; cached."""
    try:
        return _cached_run(graph_uri(), graph_version(), query_id, _declared(query_id, params))
    except BackendUnavailable:
        # A server that went away may come back: reconnect on the next try.
        _store_for.clear()
        raise


@st.cache_data(show_spinner=False, ttl=RESULT_TTL_SECONDS, max_entries=500)
def _cached_scored(uri: str, version: str, query_id: str, params: dict[str, Any]
                   ) -> pd.DataFrame:
    return apply_scoring(query_id, _cached_run(uri, version, query_id, params).frame)


def is_scored(query_id: str) -> bool:
    """Whether scoring ranks this query's rows (score, part_*, evidence_* columns)."""
    return query_id in SCORERS


def run_scored(query_id: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
    """The query's frame with its scores and their parts (unchanged when it has no scorer)."""
    try:
        return _cached_scored(graph_uri(), graph_version(), query_id,
                              _declared(query_id, params))
    except BackendUnavailable:
        _store_for.clear()
        raise


@st.cache_data(show_spinner=False, ttl=RESULT_TTL_SECONDS, max_entries=20)
def _cached_report(uri: str, version: str, park_id: str, since: int) -> tuple[str, bytes]:
    from innochain.reports.landscape_data import gather_landscape
    from innochain.reports.landscape_report import landscape_tables, render_landscape
    from innochain.reports.report_files import write_xlsx

    data = gather_landscape(_store_for(uri), park_id, since)
    with tempfile.TemporaryDirectory(prefix="innochain-report-") as folder:
        # write_xlsx is the report's own writer (one sheet per table); it wants a path.
        path = Path(folder) / "landscape.xlsx"
        write_xlsx(landscape_tables(data), path)
        return render_landscape(data), path.read_bytes()


def landscape_report(park_id: str, since: int) -> tuple[str, bytes]:
    """The periodic landscape report (mode 12) as HTML, and its tables as XLSX; cached."""
    try:
        return _cached_report(graph_uri(), graph_version(), park_id, since)
    except BackendUnavailable:
        _store_for.clear()
        raise


@st.cache_data(show_spinner=False, ttl=SERVER_INFO_TTL_SECONDS, max_entries=20)
def _cached_server_info(uri: str) -> dict[str, str]:
    info = _store_for(uri).server_info()
    return {k: redact_uri(str(v)) for k, v in info.items() if "password" not in k.lower()}


def server_info() -> dict[str, str]:
    """The backend's name, version and address (never a password); cached for a minute."""
    try:
        return _cached_server_info(graph_uri())
    except BackendUnavailable:
        _store_for.clear()
        raise


def clear_caches() -> None:
    """Forget cached results and reconnect."""
    _cached_version.clear()
    _cached_run.clear()
    _cached_scored.clear()
    _cached_report.clear()
    _cached_server_info.clear()
    _store_for.clear()
