"""A real Neo4j 5 Community server for tests and benchmarks, from Maven Central (no Docker).

Maven resolves `org.neo4j:neo4j` (tools/neo4j-server/pom.xml, via innochain.maven_classpath),
`javac` compiles a tiny launcher, and the server runs as a child JVM with Bolt on 127.0.0.1,
no TLS, no auth, no HTTP.

    with start_neo4j(tmp_path / "neo4j") as server:
        driver = GraphDatabase.driver(server.uri, auth=None)

By hand: ``python -m innochain.neo4j_devserver --home DIR [--port N]`` (Ctrl-C stops it).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import IO

from innochain.errors import BackendUnavailable, ConfigError
from innochain.maven_classpath import (
    build_lock,
    mtime,
    resolve_classpath,
    run_build_step,
    tools_dir,
    which,
)

LAUNCHER_CLASS = "innochain.Neo4jLauncher"
LOG_NAME = "neo4j.log"
STOP_TIMEOUT = 30.0
_LAUNCHER_SOURCE = Path("src/main/java/innochain/Neo4jLauncher.java")
_PORT_ATTEMPTS = 3
_SIZE_RE = re.compile(r"^\d+[kmgKMG]?$")
# Flags the Neo4j distribution itself puts in neo4j.conf: without the add-opens the page cache
# falls back to a slower mode and native log-file calls fail (warnings in debug.log).
_JVM_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dlog4j2.disable.jmx=true",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
)


def build_launcher(tools: Path | None = None) -> tuple[Path, str]:
    """Resolve the Neo4j classpath and compile the launcher, reusing cached results.

    Returns (classes directory, dependency classpath).
    """
    tools = tools or tools_dir()
    source = tools / _LAUNCHER_SOURCE
    target = tools / "target"
    classes = target / "classes"
    class_file = classes / "innochain" / "Neo4jLauncher.class"
    with build_lock(target):
        classpath = resolve_classpath(tools, "org.neo4j:neo4j")
        if mtime(class_file) < max(mtime(source), mtime(target / "classpath.txt")):
            shutil.rmtree(classes, ignore_errors=True)
            classes.mkdir(parents=True)
            run_build_step(
                [which("javac"), "--release", "17", "-cp", classpath, "-d", str(classes),
                 str(source)],
                target / "javac.log",
                "Compiling the Neo4j launcher",
            )
    return classes, classpath


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _check_size(name: str, value: str) -> str:
    if not _SIZE_RE.match(value):
        raise ConfigError(f"{name}={value!r} is not a size like 512m or 1g")
    return value


class Neo4jDevServer:
    """A running child Neo4j server; stop() (or leaving the `with` block) shuts it down."""

    def __init__(
        self,
        proc: subprocess.Popen[bytes],
        port: int,
        home: Path,
        log_path: Path,
        log_handle: IO[bytes],
    ) -> None:
        self._proc = proc
        self._log_handle = log_handle
        self.port = port
        self.uri = f"bolt://127.0.0.1:{port}"
        self.pid = proc.pid
        self.home = home
        self.log_path = log_path

    def __repr__(self) -> str:
        state = "running" if self.is_running() else "stopped"
        return f"Neo4jDevServer(uri={self.uri!r}, pid={self.pid}, {state})"

    def __enter__(self) -> Neo4jDevServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def is_running(self) -> bool:
        """True while the JVM has not exited."""
        return self._proc.poll() is None

    def wait(self, timeout: float | None = None) -> int:
        """Block until the JVM exits on its own; returns its exit code."""
        return self._proc.wait(timeout)

    def stop(self) -> None:
        """SIGTERM (clean Neo4j shutdown), SIGKILL after 30 s; safe to call again."""
        if self._proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self._proc.send_signal(signal.SIGTERM)
            try:
                self._proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    self._proc.kill()
                self._proc.wait()
        if self._proc.stdin is not None and not self._proc.stdin.closed:
            self._proc.stdin.close()
        if not self._log_handle.closed:
            self._log_handle.close()


def _log_path_for(home: Path) -> Path:
    """home/neo4j.log, or a sibling file when home cannot be a directory (the log is kept)."""
    try:
        home.mkdir(parents=True, exist_ok=True)
        return home / LOG_NAME
    except OSError:
        return home.parent / f"{home.name}.{LOG_NAME}"


def _connectivity_error(uri: str) -> Exception | None:
    """None when the official driver can talk to the server, else the driver's error."""
    from neo4j import GraphDatabase  # lazy: only this path needs the driver loaded

    try:
        with GraphDatabase.driver(uri, auth=None, connection_timeout=5.0) as driver:
            driver.verify_connectivity()
        return None
    except Exception as exc:  # any driver error means "not ready yet"
        return exc


def start_neo4j(
    home: Path,
    *,
    port: int | None = None,
    heap: str = "1g",
    timeout: float = 120,
    pagecache: str = "256m",
) -> Neo4jDevServer:
    """Start Neo4j in `home` and return once Bolt answers; raises BackendUnavailable otherwise.

    stdout and stderr go to home/neo4j.log (appended, kept on failure); Neo4j's own logs are
    in home/logs/. `timeout` covers the server start, not the one-off Maven/javac build.
    """
    home = Path(home).expanduser().absolute()
    _check_size("heap", heap)
    _check_size("pagecache", pagecache)
    log_path = _log_path_for(home)
    try:
        if not home.is_dir():
            raise BackendUnavailable(
                f"Neo4j home {home} is not a directory; pass a directory path as home "
                f"(details in the log {log_path})"
            )
        classes, classpath = build_launcher()
        java = which("java")
    except BackendUnavailable as exc:
        with open(log_path, "a") as log:
            log.write(f"innochain: {exc}\n")
        raise
    # A port we picked can be taken by someone else before the JVM binds it: pick again then.
    attempts = 1 if port else _PORT_ATTEMPTS
    for attempt in range(1, attempts + 1):
        try:
            return _launch(
                java,
                classes,
                classpath,
                home,
                log_path,
                port or free_port(),
                heap,
                pagecache,
                timeout,
            )
        except _PortTaken as exc:
            if attempt == attempts:
                raise BackendUnavailable(str(exc)) from None
    raise AssertionError("unreachable")


class _PortTaken(BackendUnavailable):
    """The JVM could not bind its Bolt port."""


def _launch(
    java: str,
    classes: Path,
    classpath: str,
    home: Path,
    log_path: Path,
    port: int,
    heap: str,
    pagecache: str,
    timeout: float,
) -> Neo4jDevServer:
    """One start attempt on one port."""
    cmd = [
        java,
        f"-Xms{heap}",
        f"-Xmx{heap}",
        *_JVM_FLAGS,
        "-cp",
        f"{classes}{os.pathsep}{classpath}",
        LAUNCHER_CLASS,
        "--home",
        str(home),
        "--port",
        str(port),
        "--pagecache",
        pagecache,
        "--exit-on-stdin-eof",
    ]
    log_handle = open(log_path, "ab")  # closed by Neo4jDevServer.stop()
    start_offset = log_handle.tell()
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    log_handle.write(f"--- innochain: starting Neo4j on port {port} at {stamp}\n".encode())
    log_handle.flush()
    proc = subprocess.Popen(
        cmd,
        # stdin stays an open pipe: the launcher exits on EOF, so it dies with this process.
        stdin=subprocess.PIPE,
        stdout=log_handle,
        stderr=subprocess.STDOUT,
        # Own session: a Ctrl-C in the terminal reaches Python, which then stops it in order.
        start_new_session=True,
    )
    server = Neo4jDevServer(proc, port, home, log_path, log_handle)
    try:
        _wait_ready(server, start_offset, timeout)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_ready(server: Neo4jDevServer, start_offset: int, timeout: float) -> None:
    """Wait for the READY line, then for the driver; raise BackendUnavailable on failure."""
    ready_line = f"READY {server.uri}".encode()
    deadline = time.monotonic() + timeout
    saw_ready = False
    last_error: Exception | None = None
    where = f"see the log {server.log_path} and {server.home / 'logs' / 'debug.log'}"
    while time.monotonic() < deadline:
        code = server._proc.poll()
        if code is not None:
            with open(server.log_path, "rb") as log:
                log.seek(start_offset)
                if b"Address already in use" in log.read():
                    raise _PortTaken(
                        f"port {server.port} on 127.0.0.1 is already in use; pass another port "
                        f"or none to pick a free one; {where}"
                    )
            raise BackendUnavailable(
                f"Neo4j exited with code {code} before it was ready; {where} "
                f"(a port in use, a bad home or too little memory are the usual causes)"
            )
        if not saw_ready:
            with open(server.log_path, "rb") as log:
                log.seek(start_offset)
                saw_ready = ready_line in log.read()
        if saw_ready:
            last_error = _connectivity_error(server.uri)
            if last_error is None:
                return
        time.sleep(0.2)
    detail = f" (last driver error: {str(last_error).splitlines()[0]})" if last_error else ""
    stage = "answered on Bolt" if saw_ready else "printed READY"
    raise BackendUnavailable(
        f"Neo4j never {stage} within {timeout:g} s{detail} and was stopped; {where}; "
        f"raise the timeout or free memory/CPU"
    )


def main(argv: list[str] | None = None) -> int:
    """Run a dev server in the foreground until Ctrl-C or SIGTERM."""
    parser = argparse.ArgumentParser(
        prog="python -m innochain.neo4j_devserver",
        description="Start a local Neo4j 5 Community server (Bolt, no auth) from Maven Central.",
    )
    parser.add_argument("--home", required=True, type=Path, help="data directory (created)")
    parser.add_argument("--port", type=int, default=None, help="Bolt port (default: a free one)")
    parser.add_argument("--heap", default="1g", help="JVM heap, e.g. 1g (default 1g)")
    parser.add_argument("--pagecache", default="256m", help="page cache, e.g. 256m")
    parser.add_argument("--timeout", type=float, default=120, help="start timeout in seconds")
    args = parser.parse_args(argv)

    # SIGTERM to this process should stop the server the same way Ctrl-C does.
    def _on_term(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _on_term)
    # A shell starting us in the background ignores SIGINT; we want Ctrl-C/SIGINT to stop us.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        server = start_neo4j(
            args.home,
            port=args.port,
            heap=args.heap,
            timeout=args.timeout,
            pagecache=args.pagecache,
        )
    except (BackendUnavailable, ConfigError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    with server:
        print(server.uri, flush=True)
        print(f"pid {server.pid}, log {server.log_path}; Ctrl-C to stop", file=sys.stderr)
        try:
            code = server.wait()
        except KeyboardInterrupt:
            print("stopping...", file=sys.stderr)
            return 0
    print(f"error: Neo4j exited by itself (code {code}); see {server.log_path}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
