"""Java classpaths from Maven Central for the tools in tools/ (no Docker, no tarball).

`resolve_classpath(folder)` runs `mvn dependency:build-classpath` on `folder/pom.xml` once and
caches the list in `folder/target/classpath.txt` (gitignored, rebuilt when the pom changes or
a listed jar is gone). The Neo4j dev server (tools/neo4j-server) and Neo4j's offline importer
(tools/neo4j-admin) are both resolved this way.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from innochain.errors import BackendUnavailable

TOOLS_ENV = "INNOCHAIN_NEO4J_TOOLS"
INSTALL_HINT = "install Java 17 and Maven (apt-get install openjdk-17-jdk-headless maven)"


def tools_dir() -> Path:
    """tools/neo4j-server (pom.xml and the launcher source); env INNOCHAIN_NEO4J_TOOLS overrides."""
    override = os.environ.get(TOOLS_ENV)
    if override:
        folder = Path(override).expanduser().resolve()
        if not (folder / "pom.xml").is_file():
            raise BackendUnavailable(
                f"{TOOLS_ENV}={override} has no pom.xml; point it at the tools/neo4j-server folder"
            )
        return folder
    # resolve() follows the strict-editable symlink from build/__editable__... to the checkout.
    folder = Path(__file__).resolve().parents[1] / "tools" / "neo4j-server"
    if not (folder / "pom.xml").is_file():
        raise BackendUnavailable(
            f"tools/neo4j-server/pom.xml not found at {folder}; run from a source checkout "
            f"or set {TOOLS_ENV} to the tools/neo4j-server folder"
        )
    return folder


def which(name: str) -> str:
    """Absolute path of a JDK/Maven tool, preferring JAVA_HOME for java and javac."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home and name in ("java", "javac"):
        candidate = Path(java_home) / "bin" / name
        if os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise BackendUnavailable(f"`{name}` not found on PATH; {INSTALL_HINT}")
    return found


def mtime(path: Path) -> float:
    """Modification time, or -1 for a file that does not exist."""
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return -1.0


@contextlib.contextmanager
def build_lock(target: Path) -> Iterator[None]:
    """Serialize builds so parallel test workers don't write the same files at once."""
    target.mkdir(parents=True, exist_ok=True)
    with open(target / ".build.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _classpath_is_fresh(cp_file: Path, pom: Path) -> bool:
    if mtime(cp_file) < mtime(pom):
        return False
    entries = [e for e in cp_file.read_text().strip().split(os.pathsep) if e]
    # A cleaned ~/.m2 leaves a cached list of missing jars: re-resolve then.
    return bool(entries) and all(Path(e).exists() for e in entries)


def run_build_step(cmd: list[str], log: Path, what: str) -> None:
    """Run one build command with its output in `log`; BackendUnavailable when it fails."""
    with open(log, "w") as out:
        out.write("$ " + " ".join(cmd) + "\n")
        out.flush()
        rc = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, check=False).returncode
    if rc != 0:
        raise BackendUnavailable(
            f"{what} failed (exit {rc}); see the log {log}; check network access to "
            f"Maven Central, or {INSTALL_HINT}"
        )


def resolve_classpath(folder: Path, what: str) -> str:
    """The dependency classpath of folder/pom.xml, resolved by Maven once and then cached.

    Call it under `build_lock(folder / "target")`; `what` names the artefact in errors.
    """
    pom = folder / "pom.xml"
    target = folder / "target"
    cp_file = target / "classpath.txt"
    if not _classpath_is_fresh(cp_file, pom):
        target.mkdir(parents=True, exist_ok=True)
        tmp = target / "classpath.txt.tmp"
        run_build_step(
            [which("mvn"), "-B", "-q", "-Dstyle.color=never", "-f", str(pom),
             "dependency:build-classpath", f"-Dmdep.outputFile={tmp}"],
            target / "maven.log",
            f"Maven resolution of {what}",
        )
        os.replace(tmp, cp_file)  # atomic, so a half-written list is never cached
    return cp_file.read_text().strip()
