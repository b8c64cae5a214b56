"""The `innochain` command line. User mistakes end in one line that says what to do."""

from __future__ import annotations

import sys
from typing import Any

import click

from innochain import __version__
from innochain.errors import InnoChainError


class InnoChainGroup(click.Group):
    """Turns any InnoChainError into a one-line click error instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InnoChainError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=InnoChainGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="innochain")
def cli() -> None:
    """InnoChain 创新链知识图谱: the innovation chain of an industrial park as a graph."""


def _register() -> None:
    # Explicit imports: a command that fails to import must fail loudly, not vanish.
    from innochain.commands.dashboard import dashboard
    from innochain.commands.db import db
    from innochain.commands.demo import demo
    from innochain.commands.doctor import doctor
    from innochain.commands.evaluate import evaluate
    from innochain.commands.export import export
    from innochain.commands.export_neo4j_import import neo4j_import
    from innochain.commands.load import load
    from innochain.commands.query import packs, query
    from innochain.commands.report import report
    from innochain.commands.resolve_names import resolve_names

    export.add_command(neo4j_import)
    for command in (doctor, db, demo, load, packs, query, report, export, dashboard,
                    evaluate, resolve_names):
        cli.add_command(command)


_register()


def main() -> None:
    """Console entry point."""
    try:
        cli(prog_name="innochain")
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
