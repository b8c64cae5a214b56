"""避险 Risk: exposure per park firm, a litigation scenario, single-source supply, disputes.

Every table here is an exposure signal for people to look into, never a legal opinion.
"""

from __future__ import annotations

import streamlit as st

from innochain.dashboard.choosers import choose_case, choose_plaintiff
from innochain.dashboard.i18n import t
from innochain.dashboard.page_frame import lazy_tabs, page_header, require_park
from innochain.dashboard.query_access import run_query
from innochain.dashboard.tables import query_section, section_heading


def exposure(park_id: str) -> None:
    """Exposure per park firm and the foreign portfolios over the park's segments."""
    query_section("risk.firm_exposure", {"park_id": park_id}, key="risk_exposure")
    query_section("risk.foreign_coverage", {"park_id": park_id}, key="risk_foreign")


def litigation_scenario(park_id: str) -> None:
    """Choose a plaintiff (with or without a case): whom its suits reach and why; then the
    counter-assertion portfolio the alliance could assemble, and per case when it has any."""
    st.markdown(f"**{t('scenario_intro')}**")
    plaintiff_id = choose_plaintiff(park_id, "risk_plaintiff")
    if plaintiff_id is None:
        st.info(t("empty_section", kinds="cases / cnipa / patentsview"))
        return
    query_section("risk.litigation_scenario", {"plaintiff_id": plaintiff_id, "park_id": park_id},
                  key="risk_scenario")
    query_section("exploit.joint_defence_by_plaintiff", {"plaintiff_id": plaintiff_id},
                  key="risk_counter", empty_hint=t("no_counter_portfolio"))
    cases = run_query("data.cases", {"plaintiff_id": plaintiff_id}).frame
    if cases.empty or not section_heading("exploit.joint_defence"):
        return
    case_id = choose_case("risk_case", plaintiff_id)
    query_section("exploit.joint_defence", {"case_id": case_id}, key="risk_counter_case",
                  heading=False)


def supply_and_disputes(park_id: str) -> None:
    """Single-source supply dependencies, and disputes inside the park."""
    query_section("risk.single_source", {"park_id": park_id}, key="risk_single_source")
    query_section("risk.park_disputes", {}, key="risk_disputes")


def render() -> None:
    """The page: three tabs, each drawn when opened."""
    park_id = require_park()
    page_header("risk")
    st.warning(t("risk_disclaimer"), icon=":material/gavel:")
    lazy_tabs("risk_tab", [("tab_exposure", lambda: exposure(park_id)),
                           ("tab_scenario", lambda: litigation_scenario(park_id)),
                           ("tab_supply", lambda: supply_and_disputes(park_id))])


render()
