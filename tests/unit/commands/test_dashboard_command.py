"""`innochain dashboard`: the Streamlit command it execs, its defaults and its warnings."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from innochain.cli import cli
from innochain.commands import dashboard as dashboard_command
from innochain.settings import ENV_URI


@pytest.fixture
def exec_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str], dict[str, str]]]:
    """Record the exec instead of replacing the test process with Streamlit."""
    calls: list[tuple[str, list[str], dict[str, str]]] = []

    def fake_execve(path: str, argv: list[str], env: dict[str, str]) -> Any:
        calls.append((path, argv, env))

    monkeypatch.setattr(dashboard_command.os, "execve", fake_execve)
    return calls


def test_runs_the_installed_app_on_localhost(exec_calls: list[Any]) -> None:
    result = CliRunner().invoke(cli, ["dashboard", "--uri", "falkor://127.0.0.1:6379",
                                      "--port", "8765"])
    assert result.exit_code == 0, result.output
    _, argv, env = exec_calls[0]
    assert argv[1:4] == ["-m", "streamlit", "run"]
    assert argv[4].endswith("innochain/dashboard/app.py")
    assert dashboard_command.app_path().is_file()
    settings = dict(zip(argv[5::2], argv[6::2], strict=False))
    assert settings["--server.address"] == "127.0.0.1"
    assert settings["--server.port"] == "8765"
    assert settings["--server.headless"] == "true"
    assert settings["--browser.gatherUsageStats"] == "false"
    assert env[ENV_URI] == "falkor://127.0.0.1:6379"
    assert "warning" not in result.output


def test_other_host_is_warned_about(exec_calls: list[Any]) -> None:
    result = CliRunner().invoke(cli, ["dashboard", "--uri", "falkor://127.0.0.1:6379",
                                      "--host", "0.0.0.0"])
    assert result.exit_code == 0
    assert "warning: listening on 0.0.0.0" in result.output
    assert "--server.address" in exec_calls[0][1]


def test_password_in_uri_is_not_printed(exec_calls: list[Any]) -> None:
    result = CliRunner().invoke(cli, ["dashboard", "--uri", "bolt://neo4j:hunter2@db:7687"])
    assert result.exit_code == 0
    assert "hunter2" not in result.output


def test_malformed_uri_is_one_line(exec_calls: list[Any]) -> None:
    result = CliRunner().invoke(cli, ["dashboard", "--uri", "gopher://x"])
    assert result.exit_code != 0
    assert "unsupported graph URI" in result.output
    assert not exec_calls
