"""`innochain export ...`: write the graph out for other tools. `export rdf` is the first format;
`export neo4j-import` (innochain/commands/export_neo4j_import.py) is added to the same group
by innochain.cli."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from innochain.commands.options import settings_from, uri_option
from innochain.errors import ConfigError
from innochain.graph.connect import open_store
from innochain.rdf.export import DEFAULT_PAGE_SIZE, Scope, export_rdf
from innochain.rdf.serializers import FORMATS


@click.group()
def export() -> None:
    """Export the graph (RDF in the InnoChain vocabulary, ...)."""


@export.command("rdf")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="turtle",
              show_default=True, help="RDF syntax of the output file.")
@click.option("--segment", metavar="ID", help="Only this segment's subgraph (its technologies, "
              "patents, their owners and classes).")
@click.option("--park", metavar="ID", help="Only this park's subgraph (its organisations, "
              "their patents, the links among them).")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The file to write ('-' for standard output).")
@click.option("--page-size", default=DEFAULT_PAGE_SIZE, show_default=True, type=click.IntRange(1),
              help="Nodes read and serialised per page (memory holds one page).")
@uri_option
def rdf(fmt: str, segment: str | None, park: str | None, out_path: Path, page_size: int,
        uri: str | None) -> None:
    """Write the graph, or one segment's or park's subgraph, as RDF (LoadRun nodes left out)."""
    if segment is not None and park is not None:
        raise ConfigError("give --segment or --park, not both")
    store = open_store(settings_from(uri))
    try:
        if str(out_path) == "-":
            stats = export_rdf(store, sys.stdout.buffer, fmt, scope=Scope(segment, park),
                               page_size=page_size)
        else:
            out_path.parent.mkdir(parents=True, exist_ok=True)
            partial = out_path.with_name(out_path.name + ".partial")
            with partial.open("wb") as fh:
                stats = export_rdf(store, fh, fmt, scope=Scope(segment, park),
                                   page_size=page_size)
            partial.replace(out_path)  # a failed export never leaves a truncated file behind
    finally:
        store.close()
    for line in stats.warnings():
        click.echo(f"warning: {line}", err=True)
    click.echo(f"rdf: {stats.nodes} nodes, {stats.edges} relationships, {stats.triples} triples "
               f"-> {out_path} ({fmt}, {stats.seconds:.1f} s)", err=True)
