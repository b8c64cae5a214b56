"""`innochain evaluate partners`: measure partner ranking on links that appeared later."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from innochain.commands.options import settings_from
from innochain.errors import ConfigError
from innochain.graph.store import GraphStore
from innochain.queries.partner_eval import (
    evaluate_partners,
    format_table,
    is_empty,
    ranks_lines,
)
from innochain.queries.partner_ranking import PART_NAMES


@contextmanager
def scratch_store(uri: str | None) -> Iterator[GraphStore]:
    """A fresh embedded FalkorDB in a temporary folder (removed after), or the graph at
    `uri`, which must be empty and is emptied again after: a user's graph is never touched."""
    if uri is None:
        from innochain.graph import falkordb_server
        from innochain.graph.falkordb_store import FalkorDBStore

        # Under the system temp dir: short enough for the server's unix socket path.
        folder = Path(tempfile.mkdtemp(prefix="innochain-eval-"))
        store = FalkorDBStore(f"falkordb://{folder}?graph=evaluation", data_dir=folder,
                              graph="evaluation")
        try:
            yield store
        finally:
            store.close()
            falkordb_server.stop(folder)
            shutil.rmtree(folder, ignore_errors=True)
        return
    from innochain.graph.connect import open_store

    store = open_store(settings_from(uri))
    try:
        if not is_empty(store):
            raise ConfigError("the graph at --uri is not empty: the evaluation loads and clears "
                              "graphs, so give it an empty scratch graph (or leave out --uri)")
        yield store
    finally:
        store.clear()
        store.close()


def _weights_line(weights: dict[str, float]) -> str:
    return ", ".join(f"{name} {weights[name]:g}" for name in PART_NAMES if weights.get(name))


@click.group()
def evaluate() -> None:
    """Measure matchmaking quality on real links (评测)."""


@evaluate.command()
@click.option("--known", "known_dir", required=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="ICKG folder: entity2id.txt, relation2id.txt, time2id.txt, train.txt, "
                   "valid.txt, test.txt (the known period).")
@click.option("--truth", "truth_file", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Later quadruples head<TAB>rel<TAB>tail<TAB>time, ids of the --known folder.")
@click.option("--relations", default="合作,供给", show_default=True,
              help="Comma-separated ICKG relations whose tails are the partners to find.")
@click.option("--ranks-out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write head<TAB>candidate<TAB>score lines (the ranker's top N per head).")
@click.option("--top", type=click.IntRange(min=1), default=100, show_default=True,
              help="Candidates per head in --ranks-out.")
@click.option("--fit-weeks", type=click.IntRange(min=1), default=26, show_default=True,
              help="The weights are fitted on the known links of these last weeks, ranked "
                   "from the links before them.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Also write the figures as JSON.")
@click.option("--uri", default=None, metavar="URI",
              help="An empty scratch graph to use instead of a temporary embedded one.")
def partners(known_dir: Path, truth_file: Path, relations: str, ranks_out: Path | None,
             top: int, fit_weeks: int, json_out: Path | None, uri: str | None) -> None:
    """Rank partners for each head of --truth from --known alone; print Hits@1/3/10 and MRR
    of the ranker, popularity and common neighbours."""
    chosen = tuple(r.strip() for r in relations.split(",") if r.strip())
    with scratch_store(uri) as store:
        report = evaluate_partners(store, known_dir, truth_file, chosen, fit_weeks)
    click.echo(format_table([report]))
    click.echo(f"weights fitted on the known period (inner cut {report.inner_cut}, "
               f"{report.fit_pairs} pairs): {_weights_line(report.weights)}")
    click.echo("ties are ranked by candidate id; unseen ends are reported, not ranked")
    if ranks_out is not None:
        lines = ranks_lines(report, top)
        ranks_out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        click.echo(f"wrote {len(lines)} ranked candidates to {ranks_out}", err=True)
    if json_out is not None:
        json_out.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=2),
                            encoding="utf-8")
