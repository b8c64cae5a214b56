"""Neo4j's own offline importer (`neo4j-admin database import full`) from Maven Central.

No Neo4j distribution is needed: Maven resolves `org.neo4j:neo4j-import-tool` (pom in
tools/neo4j-admin, the same 5.26 release as the dev server) and a `neo4j-admin` shim runs its
main class, `org.neo4j.cli.AdminTool`. The `import.sh` that `innochain export neo4j-import`
writes then runs unchanged with the shim first on PATH:

    seconds = run_import_script(export_dir, neo4j_home)   # then start_neo4j(neo4j_home)
"""

from __future__ import annotations

import os
import stat
import subprocess
import time
from pathlib import Path

from innochain.errors import BackendUnavailable, LoadError
from innochain.maven_classpath import build_lock, resolve_classpath, tools_dir, which
from innochain.neo4j_import import SCRIPT_NAME

ADMIN_MAIN = "org.neo4j.cli.AdminTool"
SHIM_NAME = "neo4j-admin"
LOG_NAME = "neo4j-admin-import.log"
# The flags Neo4j's own neo4j-admin script passes: without them the page cache is slower.
_JVM_FLAGS = ("--add-opens=java.base/java.nio=ALL-UNNAMED",
              "--add-opens=java.base/java.io=ALL-UNNAMED",
              "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
              "-XX:+UseG1GC")


def admin_tools_dir() -> Path:
    """tools/neo4j-admin, beside tools/neo4j-server (INNOCHAIN_NEO4J_TOOLS moves both)."""
    folder = tools_dir().parent / "neo4j-admin"
    if not (folder / "pom.xml").is_file():
        raise BackendUnavailable(f"{folder}/pom.xml not found; run from a source checkout")
    return folder


def admin_classpath() -> str:
    """The importer's classpath, resolved by Maven once and cached in tools/neo4j-admin/target."""
    folder = admin_tools_dir()
    with build_lock(folder / "target"):
        return resolve_classpath(folder, "org.neo4j:neo4j-import-tool")


def write_admin_shim(folder: Path, heap: str = "1g") -> Path:
    """A `neo4j-admin` executable in `folder` that runs the importer; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    shim = folder / SHIM_NAME
    flags = " ".join(_JVM_FLAGS)
    shim.write_text(f'#!/bin/sh\nexec "{which("java")}" -Xmx{heap} {flags} '
                    f'-cp "{admin_classpath()}" {ADMIN_MAIN} "$@"\n', encoding="utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC | stat.S_IXGRP | stat.S_IXOTH)
    return folder


def run_import_script(import_dir: Path, home: Path, *, heap: str = "1g",
                      log: Path | None = None) -> float:
    """Run import_dir/import.sh into the Neo4j home `home`; returns its wall seconds.

    The output goes to `log` (default home/neo4j-admin-import.log); a failed import raises
    LoadError naming that log.
    """
    script = import_dir / SCRIPT_NAME
    if not script.is_file():
        raise LoadError(f"{script} not found: write it with `innochain export neo4j-import`")
    home.mkdir(parents=True, exist_ok=True)
    log = log or home / LOG_NAME
    shim_dir = write_admin_shim(home / "bin", heap)
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf"),
           "PATH": f"{shim_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        code = subprocess.run(["sh", str(script)], env=env, stdout=out,
                              stderr=subprocess.STDOUT, check=False).returncode
    seconds = time.perf_counter() - started
    if code != 0:
        raise LoadError(f"neo4j-admin database import failed (exit {code}); see {log}")
    return seconds
