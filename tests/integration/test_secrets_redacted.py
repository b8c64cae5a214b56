"""A password given in a graph URI never shows: not in `innochain doctor`, errors or logs.

tests/unit/test_cli_errors.py checks one bolt:// URI through `doctor`; this adds falkor://
and redis:// URIs, the error messages and log records of `open_store` itself (caplog at
DEBUG, the drivers' loggers included), a reachable Neo4j, and the embedded server's
read-only password (`reader.secret`).
"""

from __future__ import annotations

import logging
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from innochain.errors import InnoChainError
from innochain.graph import falkordb_server
from innochain.graph.connect import open_store
from innochain.graph.falkordb_store import FalkorDBStore
from innochain.settings import Settings

SECRET = "Zq7-s3cr3t-pw"
UNREACHABLE = [
    f"falkor://admin:{SECRET}@127.0.0.1:1",
    f"falkor://:{SECRET}@127.0.0.1:1",
    f"redis://default:{SECRET}@127.0.0.1:1?graph=g",
    f"bolt://neo4j:{SECRET}@127.0.0.1:1",
    f"neo4j://neo4j:{SECRET}@127.0.0.1:1",
    f"falkor://admin:{SECRET}@127.0.0.1:notaport",
]


def _innochain(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-P", "-m", "innochain", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("uri", UNREACHABLE)
def test_open_store_errors_and_logs_never_hold_the_password(
        uri: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # the redis and neo4j drivers' own loggers included
    with pytest.raises(InnoChainError) as caught:
        open_store(Settings(graph_uri=uri))
    message = str(caught.value)
    assert "\n" not in message
    assert SECRET not in message
    assert SECRET not in repr(caught.value.__cause__) + repr(caught.value.__context__)
    assert SECRET not in caplog.text


@pytest.mark.parametrize("uri", [UNREACHABLE[0], UNREACHABLE[2]])
def test_doctor_never_prints_a_falkor_password(uri: str) -> None:
    done = _innochain("doctor", "--uri", uri)
    assert done.returncode == 1 and "cannot reach FalkorDB" in done.stderr
    assert "***" in done.stdout  # the URI is shown, redacted
    assert SECRET not in done.stdout + done.stderr


@pytest.mark.parametrize("password", ["se/cret-Zq7", "p@ss-Zq7"])
def test_a_password_holding_a_slash_or_an_at_sign_is_redacted_too(password: str) -> None:
    with pytest.raises(InnoChainError) as caught:
        open_store(Settings(graph_uri=f"falkor://admin:{password}@127.0.0.1:1"))
    assert "Zq7" not in str(caught.value)


@pytest.mark.neo4j
def test_doctor_on_a_running_neo4j_never_prints_the_password(neo4j_uri: str) -> None:
    parts = urlsplit(neo4j_uri)
    with_password = parts._replace(netloc=f"neo4j:{SECRET}@{parts.hostname}:{parts.port}")
    done = _innochain("doctor", "--uri", with_password.geturl())
    assert "Traceback" not in done.stderr
    assert "graph URI" in done.stdout  # it got as far as connecting (answers yes or no)
    assert SECRET not in done.stdout + done.stderr


@pytest.mark.falkordb
def test_the_embedded_readers_password_never_shows(falkordb_store: FalkorDBStore,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    assert falkordb_store.data_dir is not None
    secret = falkordb_server.reader_password(falkordb_server.server_paths(
        falkordb_store.data_dir))
    reader = open_store(Settings(graph_uri=falkordb_store.uri), read_only=True)
    try:
        with pytest.raises(InnoChainError) as caught:
            reader.run("CREATE (:Injected)", read_only=False)
        shown = str(caught.value) + repr(reader.server_info())
    finally:
        reader.close()
    done = _innochain("doctor", "--uri", falkordb_store.uri)
    assert done.returncode == 0 and "answers   : yes" in done.stdout
    for text in (shown, caplog.text, done.stdout + done.stderr):
        assert secret not in text
