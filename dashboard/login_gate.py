"""Optional sign-in before any page renders: a shared password, or Streamlit's OIDC login.

`.streamlit/secrets.toml`:
    [auth]
    password = "..."            # a shared password (checked here)
or Streamlit's own OIDC settings under [auth] (redirect_uri, cookie_secret, client_id,
client_secret, server_metadata_url): then st.login() is used. No [auth]: no sign-in.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from typing import Any

import streamlit as st

from innochain.dashboard.i18n import t

SIGNED_IN = "signed_in"


def _auth_settings() -> Mapping[str, Any]:
    try:
        section = st.secrets.get("auth", {})
    except Exception:  # noqa: BLE001 - no secrets file at all is the common case
        return {}
    return section if isinstance(section, Mapping) else {}


def signed_in() -> bool:
    """True when no sign-in is configured or the user has signed in; else draws the form."""
    auth = _auth_settings()
    if "password" in auth:
        return _password_gate(str(auth["password"]))
    if "client_id" in auth or any(isinstance(v, Mapping) for v in auth.values()):
        return _oidc_gate()
    return True


def _password_gate(expected: str) -> bool:
    if st.session_state.get(SIGNED_IN):
        return True
    st.title(t("login_title"))
    given = st.text_input(t("password"), type="password", key="login_password")
    if given:
        # Constant-time comparison: the password is the only thing guarding the data.
        if hmac.compare_digest(given.encode(), expected.encode()):
            st.session_state[SIGNED_IN] = True
            st.rerun()
        st.error(t("login_wrong"))
    return False


def _oidc_gate() -> bool:
    if getattr(st.user, "is_logged_in", False):
        return True
    st.title(t("login_title"))
    st.button(t("login_title"), on_click=st.login, type="primary")
    return False
