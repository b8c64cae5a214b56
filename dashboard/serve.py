"""`python -m innochain.dashboard.serve run APP [FLAGS]`: `streamlit run`, imports paid early.

`innochain dashboard` execs this module instead of `python -m streamlit`. It hands its
arguments to Streamlit's own command line in this process and, beside it in a background
thread, imports what the pages' first script runs would otherwise import (pandas, Altair,
pyvis, the dashboard's and the store's modules) and reads the query packs' headers. The
server answers as soon as before; a browser arriving a few seconds later finds the imports
done, and one arriving sooner waits for them no longer than its page would have.
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading

from innochain.dashboard import PRELOADED

# What a fresh server's first page visits imported (python -X importtime, demo park, every
# page): pandas and the query runner through the choosers, pyvis for the maps, Altair for
# the charts, the store adapters, the loader registry the data page lists.
PRELOADED_MODULES = (
    "innochain.dashboard.choosers",
    "innochain.dashboard.tables",
    "innochain.dashboard.page_frame",
    "innochain.dashboard.login_gate",
    "innochain.dashboard.charts",
    "innochain.dashboard.network",
    "pyvis.network",
    "innochain.graph.falkordb_store",
    "innochain.graph.neo4j_store",
    "innochain.loaders.registry",
)


# Decorating st.cache_data before the server's runtime exists logs "No runtime found" once
# per cached function; harmless, as each cache is made at its first call, inside the runtime.
CACHE_DECORATOR_LOG = "streamlit.runtime.caching.cache_data_api"


def preload() -> None:
    """Import the pages' modules and load the query library once, before any session."""
    log = logging.getLogger(CACHE_DECORATOR_LOG)
    log.disabled = True
    try:
        for name in PRELOADED_MODULES:
            importlib.import_module(name)
    finally:
        log.disabled = False
    from innochain.errors import QueryPackError
    from innochain.queries.pack_library import load_library

    try:
        load_library()
    except QueryPackError:
        pass  # not cached: each page shows the broken pack file in its error box instead


def _preload_then_open() -> None:
    """The preload, then let the app's script runs import (app.py waits on PRELOADED)."""
    try:
        preload()
    finally:
        PRELOADED.set()


def main(argv: list[str] | None = None) -> None:
    """Run Streamlit's command line (`run APP --server.port ...`) in-process, preloading
    beside it. (Preloading first made the server answer 3-5 s later at load 5: the cost
    moved from the first page to the start, docs/dashboard.md.)"""
    PRELOADED.clear()
    threading.Thread(target=_preload_then_open, name="innochain-preload", daemon=True).start()
    from streamlit.web.cli import main as streamlit_main

    # prog_name as `python -m streamlit` sets it, so Streamlit sees its usual command line.
    streamlit_main(args=sys.argv[1:] if argv is None else argv, prog_name="streamlit")


if __name__ == "__main__":
    main()
