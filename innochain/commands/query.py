"""`innochain packs` and `innochain query PACK.NAME -p key=value`: run the query packs."""

from __future__ import annotations

from pathlib import Path

import click

from innochain.commands.options import settings_from, uri_option
from innochain.errors import ConfigError
from innochain.queries.runner import list_packs, list_queries, run
from innochain.queries.scoring import SCORERS, apply_scoring
from innochain.queries.table_export import FORMATS, render, write_xlsx


@click.command()
@click.argument("pack", required=False)
def packs(pack: str | None) -> None:
    """List the query packs (观局 布棋 避险 用权 撮合) and their queries."""
    chosen = [p for p in list_packs() if pack is None or p.name == pack]
    if pack is not None and not chosen:
        list_queries(pack)  # raises with close pack names
    for info in chosen:
        click.echo(f"{info.name}  {info.title.zh} {info.title.en}")
        for spec in list_queries(info.name):
            params = " ".join(f"{n}{'' if p.required else '?'}" for n, p in spec.params.items())
            click.echo(f"  {spec.id:<38} {spec.title.zh} / {spec.title.en}"
                       + (f"  [{params}]" if params else ""))


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ConfigError(f"-p takes key=value, got {pair!r}; e.g. -p park_id=park:demo")
        values[name.strip()] = value
    return values


@click.command()
@click.argument("query_id", metavar="PACK.NAME")
@click.option("-p", "--param", "pairs", multiple=True, metavar="KEY=VALUE",
              help="A query parameter; repeat for several (lists: comma-separated).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of the terminal (required for xlsx).")
@click.option("--score/--no-score", default=True, show_default=True,
              help="Add the score and its parts where the query has a scorer.")
@uri_option
def query(query_id: str, pairs: tuple[str, ...], fmt: str, out: Path | None, score: bool,
          uri: str | None) -> None:
    """Run one query of a pack, e.g. `innochain query landscape.chain_map -p park_id=...`."""
    if fmt == "xlsx" and out is None:
        raise ConfigError("--format xlsx writes a binary file: add --out result.xlsx")
    from innochain.graph.connect import open_store

    store = open_store(settings_from(uri), read_only=True)
    try:
        result = run(store, query_id, _parse_params(pairs))
    finally:
        store.close()
    frame = apply_scoring(result.spec.id, result.frame) if score else result.frame
    if fmt == "xlsx":
        assert out is not None
        write_xlsx(frame, out, sheet=result.spec.id)
        click.echo(f"wrote {len(frame)} rows to {out}", err=True)
        return
    text = render(frame, fmt)
    if out is not None:
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {len(frame)} rows to {out}", err=True)
    else:
        click.echo(text)
    if score and result.spec.id in SCORERS and fmt == "table":
        click.echo("(scores are weighted sums of the part_* columns; see docs/packs.md)", err=True)
