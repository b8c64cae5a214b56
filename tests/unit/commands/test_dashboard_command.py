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
    # The launcher that imports the pages' modules, then runs `streamlit run` in-process;
    # -P keeps a checkout's bare innochain/ folder from hiding the installed package.
    assert argv[1:5] == ["-P", "-m", "innochain.dashboard.serve", "run"]
    assert argv[5].endswith("innochain/dashboard/app.py")
    assert dashboard_command.app_path().is_file()
    settings = dict(zip(argv[6::2], argv[7::2], strict=False))
    assert settings["--server.address"] == "127.0.0.1"
    assert settings["--server.port"] == "8765"
    assert settings["--server.headless"] == "true"
    assert settings["--browser.gatherUsageStats"] == "false"
    assert settings["--server.fileWatcherType"] == "none"
    assert settings["--client.toolbarMode"] == "viewer"
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


def test_launcher_passes_streamlit_its_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    from innochain.dashboard import serve

    received: list[tuple[list[str], str]] = []
    monkeypatch.setattr("streamlit.web.cli.main",
                        lambda args, prog_name: received.append((args, prog_name)))
    argv = dashboard_command.streamlit_command("127.0.0.1", 8765)[4:]
    serve.main(argv)
    assert received == [(argv, "streamlit")]
    # The preload thread runs beside the server and opens the gate the app waits on.
    assert serve.PRELOADED.wait(timeout=120), "the preload never let the app's imports in"


def test_a_failed_preload_still_lets_the_app_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """If the preload thread fails, the first page must not wait for it forever: it imports
    what it needs itself (and shows any error in its own page)."""
    from innochain.dashboard import serve

    def broken() -> None:
        raise ImportError("no module named 'pyvis'")

    monkeypatch.setattr(serve, "preload", broken)
    serve.PRELOADED.clear()
    with pytest.raises(ImportError):
        serve._preload_then_open()
    assert serve.PRELOADED.is_set()


def test_broken_extra_pack_does_not_stop_the_server(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Any) -> None:
    """A malformed pack under INNOCHAIN_QUERY_PATH is shown in the pages, as before the
    launcher read the packs; it must not end the server before it starts."""
    from innochain.dashboard import serve
    from innochain.errors import QueryPackError
    from innochain.queries import pack_library

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "orphan.cypher").write_text("MATCH (n) RETURN count(n) AS n\n", encoding="utf-8")
    monkeypatch.setenv(pack_library.ENV_EXTRA_PACKS, str(tmp_path))
    pack_library._default_library.cache_clear()
    try:
        serve.preload()
        with pytest.raises(QueryPackError, match="pack.yaml"):
            pack_library.load_library()
    finally:
        pack_library._default_library.cache_clear()
