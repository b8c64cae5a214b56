"""`innochain db start|stop|status`: the embedded FalkorDB server of a data directory."""

from __future__ import annotations

from pathlib import Path

import click

from innochain.commands.options import settings_from, uri_option
from innochain.errors import ConfigError
from innochain.graph import falkordb_server
from innochain.graph.connect import EMBEDDED_SCHEMES, embedded_data_dir


def _embedded_dir(uri: str | None) -> Path:
    settings = settings_from(uri)
    if not settings.graph_uri.lower().startswith(tuple(f"{s}:" for s in EMBEDDED_SCHEMES)):
        raise ConfigError("`innochain db` manages the embedded store only; the URI "
                          "names a server that someone else runs")
    return embedded_data_dir(settings.graph_uri)


@click.group()
def db() -> None:
    """Start, stop or inspect the embedded FalkorDB server (unix socket, no TCP port)."""


@db.command()
@uri_option
def start(uri: str | None) -> None:
    """Start the embedded server (or find it running) and leave it running."""
    paths, pid, started = falkordb_server.start_or_reuse(_embedded_dir(uri))
    word = "started" if started else "already running"
    click.echo(f"{word}: pid {pid}, socket {paths.socket}, data {paths.data_dir}")


@db.command()
@uri_option
def stop(uri: str | None) -> None:
    """Stop the embedded server cleanly (the append-only file is flushed)."""
    data_dir = _embedded_dir(uri)
    if falkordb_server.stop(data_dir):
        click.echo(f"stopped the server of {data_dir}")
    else:
        click.echo(f"no server was running for {data_dir}")


@db.command()
@uri_option
def status(uri: str | None) -> None:
    """Say whether the embedded server runs, with its pid and socket."""
    data_dir = _embedded_dir(uri)
    paths = falkordb_server.server_paths(data_dir)
    pid = falkordb_server.running_pid(paths) if paths.data_dir.exists() else None
    if pid is None:
        click.echo(f"not running (data {paths.data_dir})")
    else:
        click.echo(f"running: pid {pid}, socket {paths.socket}, data {paths.data_dir}")
