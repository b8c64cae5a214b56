"""`innochain export neo4j-import`: Neo4j admin-import CSV files and import.sh from the graph.

Registered on the `export` group by innochain.cli. The files are written into DIR.partial and
renamed to DIR at the end, so a failed export never leaves a half-written folder behind.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import click

from innochain.commands.options import settings_from, uri_option
from innochain.errors import ConfigError
from innochain.graph.connect import open_store
from innochain.neo4j_import import DEFAULT_PAGE_SIZE, SCRIPT_NAME, write_import_files


@click.command("neo4j-import")
@click.option("--out", "out_dir", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="A new or empty folder for the CSV files and import.sh.")
@click.option("--page-size", default=DEFAULT_PAGE_SIZE, show_default=True,
              type=click.IntRange(1), help="Nodes read per query (memory holds one page).")
@click.option("--database", default="neo4j", show_default=True,
              help="The Neo4j database import.sh creates.")
@uri_option
def neo4j_import(out_dir: Path, page_size: int, database: str, uri: str | None) -> None:
    """Write the graph as `neo4j-admin database import full` files, for a first large load."""
    if out_dir.exists() and any(out_dir.iterdir()):
        raise ConfigError(f"{out_dir} is not empty: give a new or empty folder to --out")
    partial = out_dir.with_name(out_dir.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    store = open_store(settings_from(uri), read_only=True)
    try:
        manifest = write_import_files(store, partial, page_size=page_size, database=database)
        os.replace(partial, out_dir)  # an empty out_dir is replaced as a whole
    finally:
        store.close()
        shutil.rmtree(partial, ignore_errors=True)
    for line in manifest.warnings[:20]:
        click.echo(f"warning: {line}", err=True)
    if manifest.empty_lists:
        click.echo(f"warning: {manifest.empty_lists} empty list values left out: Neo4j's "
                   "importer cannot store an empty list, so those properties read as null",
                   err=True)
    click.echo(f"neo4j-import: {manifest.nodes} nodes, {manifest.relationships} relationships in "
               f"{len(manifest.files)} files -> {out_dir} ({manifest.seconds:.1f} s); "
               f"with Neo4j stopped, run {out_dir / SCRIPT_NAME} on its server", err=True)
