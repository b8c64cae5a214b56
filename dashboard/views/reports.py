"""报告 Reports: the periodic landscape report (mode 12), built by innochain.reports."""

from __future__ import annotations

import datetime as dt
import importlib.util

import streamlit as st

from innochain.dashboard.i18n import t
from innochain.dashboard.page_frame import page_header, require_park
from innochain.dashboard.query_access import landscape_report
from innochain.dashboard.tables import XLSX_MIME

REPORT_MODULE = "innochain.reports.landscape_report"
RECENT_WINDOW_YEARS = 3
PREVIEW_HEIGHT = 900


def render() -> None:
    """The page: pick the comparison year, build the report, preview and download it."""
    if importlib.util.find_spec(REPORT_MODULE) is None:
        page_header("reports")
        st.info(t("report_placeholder"), icon=":material/description:")
        return
    park_id = require_park()
    page_header("reports", "report_intro")
    since = st.number_input(t("report_since"), min_value=1990, max_value=2100, step=1,
                            value=dt.date.today().year - RECENT_WINDOW_YEARS,
                            key="reports_since")
    if not st.toggle(t("report_generate"), key="reports_build"):
        st.caption(t("report_cli"))
        return
    with st.spinner(t("report_building")):
        html, xlsx = landscape_report(park_id, int(since))
    stem = f"landscape-{park_id.replace(':', '_')}-{int(since)}"
    with st.container(horizontal=True):
        st.download_button("HTML", data=html.encode("utf-8"), file_name=f"{stem}.html",
                           mime="text/html", key="reports_html", on_click="ignore",
                           icon=":material/download:")
        st.download_button("XLSX", data=xlsx, file_name=f"{stem}.xlsx", mime=XLSX_MIME,
                           key="reports_xlsx", on_click="ignore", icon=":material/download:")
    st.caption(t("report_cli"))
    st.iframe(html, height=PREVIEW_HEIGHT)


render()
