"""InnoChain dashboard (仪表盘): `innochain dashboard`, or `streamlit run` this file.

Every page only calls the query runner and scoring (innochain.dashboard.query_access);
the graph is the one INNOCHAIN_GRAPH_URI names (`open_store(Settings.from_env())`).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from innochain.dashboard import PRELOADED

# Under `innochain dashboard` a thread imports the pages' modules as the server starts
# (innochain.dashboard.serve): the first script run waits for it rather than importing
# the same modules beside it. Elsewhere (AppTest, `streamlit run`) it is set already.
PRELOADED.wait(timeout=120)

from innochain.dashboard.choosers import choose_park  # noqa: E402
from innochain.dashboard.i18n import language_switch, page_title, t  # noqa: E402
from innochain.dashboard.login_gate import signed_in  # noqa: E402
from innochain.dashboard.query_access import run_query, shown_uri  # noqa: E402
from innochain.errors import InnoChainError  # noqa: E402

HERE = Path(__file__).resolve().parent
# (page key, file, icon) in the order of the handbook's tasks.
PAGES = (
    ("overview", "overview.py", ":material/hub:"),
    ("landscape", "landscape.py", ":material/insights:"),
    ("gaps", "gaps.py", ":material/extension:"),
    ("risk", "risk.py", ":material/shield:"),
    ("licensing", "licensing.py", ":material/handshake:"),
    ("partners", "partners.py", ":material/group_work:"),
    ("alliance", "alliance.py", ":material/diversity_3:"),
    ("reports", "reports.py", ":material/description:"),
    ("data", "data.py", ":material/database:"),
)


def navigation() -> StreamlitPage:
    """The pages, titled in the current language; overview first."""
    pages = [st.Page(HERE / "views" / file, title=page_title(key), icon=icon, url_path=key,
                     default=key == "overview")
             for key, file, icon in PAGES]
    return st.navigation(pages)


def synthetic_notice() -> None:
    """One visible line on every page when any patent in the graph is synthetic."""
    row = run_query("data.synthetic_patents").frame.iloc[0]
    if int(row["synthetic_patents"] or 0) > 0:
        st.warning(t("synthetic", synthetic=int(row["synthetic_patents"]),
                     patents=int(row["patents"])))


def backend_error(exc: InnoChainError) -> None:
    """A dead or misconfigured backend as one error box with what to do, not a traceback."""
    st.error(t("backend_down", error=exc))
    st.caption(f"{t('backend_hint')}  URI: `{shown_uri()}`")


def main() -> None:
    """Sign-in, language, park, then the chosen page."""
    st.set_page_config(page_title="InnoChain 创新链", page_icon=":material/hub:", layout="wide")
    if not signed_in():
        return
    language_switch()
    page = navigation()
    try:
        choose_park()
        synthetic_notice()
        page.run()
    except InnoChainError as exc:
        backend_error(exc)


main()
