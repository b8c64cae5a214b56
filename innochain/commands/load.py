"""`innochain load KIND PATH...`: files into the graph, with a summary and a rejects file."""

from __future__ import annotations

from pathlib import Path

import click

from innochain.commands.options import settings_from, uri_option
from innochain.graph.store import GraphStore
from innochain.loaders.load_files import LoadOutcome, load_files
from innochain.loaders.load_run import write_rejects
from innochain.loaders.registry import LOADERS, loader_spec

SHOWN_REJECTS = 5


def _kinds_help() -> str:
    width = max(len(s.kind) for s in LOADERS)
    lines = [f"  {s.kind:<{width}}  {s.description} [{', '.join(s.file_types)}]"
             for s in LOADERS]
    return "\b\nKinds:\n" + "\n".join(lines)


def _report(outcome: LoadOutcome, rejects: Path | None) -> None:
    report = outcome.report
    click.echo(report.summary())
    resolution = outcome.resolution
    if resolution is not None and resolution.merged:
        click.echo(f"entity resolution: {resolution.merged} spellings joined onto "
                   f"{len(resolution.aliases)} organisations (aliases kept on each node)")
    if resolution is not None and resolution.graph_duplicates:
        click.echo(f"  note: {len(resolution.graph_duplicates)} groups of organisations already "
                   "in the graph look like one; reload with --overrides to decide", err=True)
    for chain, (patents, orgs) in outcome.derived.items():
        click.echo(f"chain {chain}: {patents} patent-segment memberships, "
                   f"{orgs} organisation-segment links derived")
    if not report.rejects:
        return
    for rej in report.rejects[:SHOWN_REJECTS]:
        click.echo(f"  rejected {rej.file}:{rej.line} {rej.field}='{rej.value}': {rej.reason}",
                   err=True)
    more = len(report.rejects) - SHOWN_REJECTS
    path = rejects or Path.cwd() / f"{report.kind}-rejects.csv"
    write_rejects(report, path)
    click.echo(f"  {'... and ' + str(more) + ' more; ' if more > 0 else ''}"
               f"all {len(report.rejects)} rejects written to {path}", err=True)


@click.command(epilog=_kinds_help())
@click.argument("kind")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@uri_option
@click.option("--dry-run", is_flag=True, help="Read and check everything; write nothing.")
@click.option("--rejects", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Where to write rejected rows (default: KIND-rejects.csv here, only when "
                   "there are rejects).")
@click.option("--batch-size", type=click.IntRange(min=1), default=5000, show_default=True,
              help="Rows per write transaction.")
@click.option("--overrides", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              default=None, envvar="INNOCHAIN_NAME_OVERRIDES",
              help="CSV name_a,name_b,relation (same|not_same): manual name decisions that "
                   "always win [env INNOCHAIN_NAME_OVERRIDES].")
@click.option("--no-resolve", is_flag=True,
              help="Skip entity resolution (each spelling's normalised key is its node).")
def load(kind: str, paths: tuple[Path, ...], uri: str | None, dry_run: bool,
         rejects: Path | None, batch_size: int, overrides: Path | None,
         no_resolve: bool) -> None:
    """Load files of one KIND into the graph (载入数据); every row is loaded or rejected."""
    loader_spec(kind)  # an unknown kind fails before any server starts
    store: GraphStore | None = None
    if not dry_run:
        from innochain.graph.connect import open_store

        store = open_store(settings_from(uri))
    try:
        outcome = load_files(store, kind, list(paths), dry_run=dry_run, batch_size=batch_size,
                             progress=True, resolve=not no_resolve, overrides=overrides)
        if store is not None:
            store.finish_bulk_load()
    finally:
        if store is not None:
            store.close()
    _report(outcome, rejects)
