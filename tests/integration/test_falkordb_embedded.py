"""The embedded FalkorDB server: private, socket-only, locked, persistent, stoppable."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import redis

from innochain.errors import ConfigError, InnoChainError
from innochain.graph import falkordb_server
from innochain.graph.falkordb_store import FalkorDBStore
from innochain.graph.writes import upsert_nodes

pytestmark = pytest.mark.falkordb


def _listening_tcp_inodes() -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as fh:
            for line in list(fh)[1:]:
                fields = line.split()
                if fields[3] == "0A":  # LISTEN
                    inodes.add(fields[9])
    return inodes


def _socket_inodes(pid: int) -> set[str]:
    found = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        target = os.readlink(fd)
        if target.startswith("socket:["):
            found.add(target[8:-1])
    return found


def test_listens_on_no_tcp_port_and_keeps_its_files_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "db"
    paths, pid, started = falkordb_server.start_or_reuse(data_dir)
    try:
        assert started
        assert _socket_inodes(pid) & _listening_tcp_inodes() == set()
        client = redis.Redis(unix_socket_path=str(paths.socket))
        assert client.config_get("port")["port"] == "0"
        client.close()
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
        assert stat.S_IMODE(paths.socket.stat().st_mode) & 0o077 == 0
    finally:
        falkordb_server.stop(data_dir)


def test_a_second_start_reuses_the_running_server(tmp_path: Path) -> None:
    data_dir = tmp_path / "db"
    _, pid1, started1 = falkordb_server.start_or_reuse(data_dir)
    try:
        _, pid2, started2 = falkordb_server.start_or_reuse(data_dir)
        assert (started1, started2) == (True, False) and pid1 == pid2
    finally:
        falkordb_server.stop(data_dir)


def test_two_processes_starting_at_once_make_one_server(tmp_path: Path) -> None:
    data_dir = tmp_path / "db"
    code = ("import sys; from pathlib import Path;"
            " from innochain.graph import falkordb_server as f;"
            " p, pid, s = f.start_or_reuse(Path(sys.argv[1])); print(pid)")
    procs = [subprocess.Popen([sys.executable, "-P", "-c", code, str(data_dir)],
                              stdout=subprocess.PIPE, text=True) for _ in range(3)]
    try:
        pids = {p.communicate(timeout=60)[0].strip() for p in procs}
        assert len(pids) == 1
    finally:
        falkordb_server.stop(data_dir)


def test_data_survives_a_clean_stop_and_restart(tmp_path: Path) -> None:
    data_dir = tmp_path / "db"
    store = FalkorDBStore(f"falkordb://{data_dir}", data_dir=data_dir)
    upsert_nodes(store, "Organization", [{"key": "org:1", "props": {"name": "德能公司"}}])
    store.close()
    assert falkordb_server.running_pid(falkordb_server.server_paths(data_dir)) is None
    store = FalkorDBStore(f"falkordb://{data_dir}", data_dir=data_dir)
    try:
        frame = store.run("MATCH (n:Organization) RETURN n.name AS name")
        assert frame["name"].tolist() == ["德能公司"]
    finally:
        store.close()


def test_the_store_that_started_the_server_leaves_it_to_other_clients(tmp_path: Path) -> None:
    data_dir = tmp_path / "db"
    first = FalkorDBStore(f"falkordb://{data_dir}", data_dir=data_dir)
    second = FalkorDBStore(f"falkordb://{data_dir}", data_dir=data_dir)
    first.close()
    try:
        assert second.run("RETURN 1 AS one").iloc[0]["one"] == 1
    finally:
        second.close()
        falkordb_server.stop(data_dir)


def test_a_long_data_dir_puts_the_socket_where_it_fits(tmp_path: Path) -> None:
    data_dir = tmp_path / ("d" * 60) / ("e" * 60)
    paths, _, _ = falkordb_server.start_or_reuse(data_dir)
    try:
        assert len(os.fsencode(paths.socket)) <= falkordb_server.MAX_SOCKET_PATH
        assert falkordb_server.ping(paths.socket)
    finally:
        falkordb_server.stop(data_dir)


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to hand a directory to another user")
def test_a_data_dir_owned_by_another_user_is_refused(tmp_path: Path) -> None:
    data_dir = tmp_path / "theirs"
    data_dir.mkdir(mode=0o700)
    os.chown(data_dir, 65534, 65534)
    with pytest.raises(ConfigError, match="belongs to another user"):
        falkordb_server.start_or_reuse(data_dir)


def test_a_file_where_the_data_dir_should_be_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(ConfigError, match="not a directory"):
        falkordb_server.start_or_reuse(target)


def test_a_read_only_store_can_read_but_nothing_else(tmp_path: Path) -> None:
    data_dir = tmp_path / "db"
    writer = FalkorDBStore(f"falkordb://{data_dir}", data_dir=data_dir)
    upsert_nodes(writer, "Organization", [{"key": "org:1", "props": {"name": "大阳公司"}}])
    reader = FalkorDBStore(f"falkordb://{data_dir}", data_dir=data_dir, read_only=True)
    try:
        assert reader.run("MATCH (n:Organization) RETURN n.name AS n")["n"].tolist() == ["大阳公司"]
        with pytest.raises(InnoChainError, match="refused"):
            reader.run("CREATE (:Organization {id: 'x'})", read_only=False)
        raw = reader._db.connection  # below the adapter: the ACL itself must refuse
        for command in (("FLUSHALL",), ("CONFIG", "SET", "port", "6379"),
                        ("GRAPH.DELETE", "innochain"), ("SHUTDOWN",), ("ACL", "LIST")):
            with pytest.raises(redis.exceptions.NoPermissionError):
                raw.execute_command(*command)
        secret = falkordb_server.server_paths(data_dir).reader_secret
        assert stat.S_IMODE(secret.stat().st_mode) == 0o600
        assert writer.run("MATCH (n) RETURN count(n) AS c").iloc[0]["c"] == 1
    finally:
        reader.close()
        writer.close()
        falkordb_server.stop(data_dir)
