"""`innochain dashboard`: the Streamlit dashboard (仪表盘) on 127.0.0.1 by default."""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

import click

from innochain.commands.options import settings_from, uri_option
from innochain.graph.connect import backend_of
from innochain.graph.store import redact_uri
from innochain.settings import ENV_URI

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
DEFAULT_PORT = 8501


def app_path() -> Path:
    """The installed dashboard entry script (dashboard/app.py)."""
    return Path(str(resources.files("innochain.dashboard") / "app.py"))


def streamlit_command(host: str, port: int) -> list[str]:
    """`streamlit run <app>` with a local, headless, non-reporting server, through
    innochain.dashboard.serve, which imports what the pages need before serving them."""
    # -P: a bare source folder in the working directory (a checkout's innochain/) must not
    # hide the installed package, whose innochain.dashboard it lacks.
    return [sys.executable, "-P", "-m", "innochain.dashboard.serve", "run", str(app_path()),
            "--server.address", host, "--server.port", str(port),
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            # The installed code does not change while it runs: no file watcher needed.
            "--server.fileWatcherType", "none",
            # Readers of the park's graph have no use for Streamlit's deploy and dev menus.
            "--client.toolbarMode", "viewer"]


@click.command()
@uri_option
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True,
              help="TCP port of the dashboard.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. WARNING: anything but 127.0.0.1 lets other machines "
                   "read the whole graph; set a password first (docs/dashboard.md).")
def dashboard(uri: str | None, port: int, host: str) -> None:
    """Start the dashboard (仪表盘) and serve it at http://HOST:PORT until Ctrl-C."""
    graph_uri = settings_from(uri).graph_uri
    backend_of(graph_uri)  # a malformed URI fails here in one line, not inside the app
    if host not in LOCAL_HOSTS:
        click.echo(f"warning: listening on {host}: anyone who can reach this address can read "
                   "the graph; set [auth] password in .streamlit/secrets.toml", err=True)
    shown_host = f"[{host}]" if ":" in host else host
    # Streamlit prints the URL again once it answers, after the pages' imports (a few seconds).
    click.echo(f"InnoChain dashboard starting on http://{shown_host}:{port} "
               f"(graph {redact_uri(graph_uri)})")
    env = {**os.environ, ENV_URI: graph_uri}
    command = streamlit_command(host, port)
    sys.stdout.flush()
    # Replace this process, so stopping its PID stops the server (no orphaned child).
    os.execve(command[0], command, env)
