"""User mistakes end in one line that says what to do, a non-zero exit, no traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _innochain(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-P", "-m", "innochain", *args],
                          capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.parametrize("uri,expected", [
    ("ftp://x", "unsupported graph URI"),
    ("bolt://neo4j:topsecret@127.0.0.1:1", "cannot reach Neo4j"),
    ("falkor://127.0.0.1:1", "cannot reach FalkorDB"),
    ("bolt://h:notaport", "malformed graph URI"),
])
def test_doctor_with_a_bad_uri_says_what_to_do_in_one_line(uri: str, expected: str) -> None:
    done = _innochain("doctor", "--uri", uri)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and expected in errors[0]
    assert "topsecret" not in done.stdout + done.stderr


def test_help_lists_the_commands() -> None:
    done = _innochain("--help")
    assert done.returncode == 0
    for command in ("doctor", "db"):
        assert command in done.stdout
