"""The Maven-built Neo4j dev server starts, answers the official driver, and stops cleanly."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from innochain.errors import BackendUnavailable
from innochain.neo4j_devserver import start_neo4j

pytestmark = pytest.mark.neo4j


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _port_free(port: int) -> bool:
    """Nothing listens on the port and a server could bind it again."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # Closed Bolt connections may leave TIME_WAIT entries on the port; servers (Neo4j
        # included) bind with SO_REUSEADDR, which ignores them, so the check does too.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def test_start_query_stop(tmp_path: Path) -> None:
    server = start_neo4j(tmp_path / "neo4j", heap="512m")
    try:
        assert server.uri.startswith("bolt://127.0.0.1:")
        assert server.log_path == tmp_path / "neo4j" / "neo4j.log"
        with GraphDatabase.driver(server.uri, auth=None) as driver:
            records, _, _ = driver.execute_query("RETURN 1 AS x")
            assert records[0]["x"] == 1
            driver.execute_query(
                "CREATE (:Firm {name: $name})-[:FILES]->(:Patent {no: $no})",
                name="Acme",
                no="CN123",
            )
            records, _, _ = driver.execute_query(
                "MATCH (f:Firm)-[:FILES]->(p:Patent) RETURN f.name AS firm, p.no AS no"
            )
            assert [(r["firm"], r["no"]) for r in records] == [("Acme", "CN123")]
            assert driver.get_server_info().agent.startswith("Neo4j/5.")
    finally:
        server.stop()
    server.stop()  # idempotent
    assert not _pid_alive(server.pid)
    assert _port_free(server.port)
    assert "READY " + server.uri in server.log_path.read_text()


def test_bad_home_names_kept_log(tmp_path: Path) -> None:
    home = tmp_path / "not-a-dir"
    home.write_text("a file, not a directory")
    with pytest.raises(BackendUnavailable) as info:
        start_neo4j(home, timeout=30)
    message = str(info.value)
    assert "\n" not in message
    log_path = tmp_path / "not-a-dir.neo4j.log"
    assert str(log_path) in message
    assert log_path.is_file()


def test_port_in_use_fails_fast_with_log(tmp_path: Path) -> None:
    # The JVM itself fails here (bind error), so this covers "exited before READY".
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        with pytest.raises(BackendUnavailable) as info:
            start_neo4j(tmp_path / "neo4j", port=port, heap="512m", timeout=60)
    log_path = tmp_path / "neo4j" / "neo4j.log"
    assert str(log_path) in str(info.value)
    assert log_path.is_file()
