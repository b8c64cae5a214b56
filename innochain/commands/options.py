"""What every command that touches the graph shares: the `--uri` option and its settings.

Kept apart from `innochain.cli`, which imports every command to register it: a command
module that imported `innochain.cli` for these was a circular import when it was imported
first (as a test of the command does).
"""

from __future__ import annotations

from typing import Any

import click

from innochain.settings import Settings


def uri_option(func: Any) -> Any:
    """`--uri` on every command that touches the graph; INNOCHAIN_GRAPH_URI otherwise."""
    return click.option("--uri", default=None, metavar="URI",
                        help="Graph URI (falkordb:///dir, falkor://host:port, bolt://..., "
                             "neo4j+s://...); default: INNOCHAIN_GRAPH_URI or the embedded "
                             "store in the user's data directory.")(func)


def settings_from(uri: str | None) -> Settings:
    """Settings with the --uri flag over the environment."""
    return Settings.from_env(graph_uri=uri)
