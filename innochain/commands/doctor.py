"""`innochain doctor`: which backend, its version, where its data lives, and whether it answers."""

from __future__ import annotations

import click

from innochain.commands.options import settings_from, uri_option
from innochain.errors import InnoChainError
from innochain.graph.connect import backend_of, open_store
from innochain.graph.store import redact_uri


@click.command()
@uri_option
def doctor(uri: str | None) -> None:
    """Check the graph backend: backend, version, data directory, and whether it answers."""
    settings = settings_from(uri)
    click.echo(f"graph URI : {redact_uri(settings.graph_uri)}")
    click.echo(f"backend   : {backend_of(settings.graph_uri)}")
    try:
        store = open_store(settings)
    except InnoChainError as exc:
        click.echo("answers   : no")
        raise click.ClickException(str(exc)) from None
    try:
        for key, value in store.server_info().items():
            click.echo(f"{key:<10}: {value}")
        store.run("RETURN 1 AS ok", tag="doctor")
        click.echo("answers   : yes")
    finally:
        store.close()
