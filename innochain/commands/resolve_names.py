"""``innochain resolve-names``: cluster the organisation names of one CSV column."""

from __future__ import annotations

import csv
from pathlib import Path

import click

from innochain.errors import InnoChainError
from innochain.loaders.entity_resolution import DEFAULT_THRESHOLD, Resolver


def read_name_column(path: Path, column: str) -> list[str]:
    """The non-empty values of ``column`` in a UTF-8 CSV (a BOM is allowed)."""
    if not path.is_file():
        raise click.ClickException(f"input file {path} not found: give the path of a CSV file")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        if column not in columns:
            found = ", ".join(columns) or "none"
            raise click.ClickException(
                f"{path} has no column {column!r}; its columns are: {found} (use --column)")
        return [row[column].strip() for row in reader if (row[column] or "").strip()]


@click.command("resolve-names")
@click.argument("in_csv", metavar="IN.csv", type=click.Path(path_type=Path))
@click.option("--column", required=True, help="Column holding the organisation names.")
@click.option("--out", "out_csv", required=True, type=click.Path(path_type=Path),
              help="Output CSV: name,cluster,canonical.")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=DEFAULT_THRESHOLD,
              show_default=True, help="Name similarity needed to merge two spellings.")
@click.option("--overrides", type=click.Path(path_type=Path),
              help="CSV name_a,name_b,relation (same / not_same) that always wins.")
def resolve_names(in_csv: Path, column: str, out_csv: Path, threshold: float,
                  overrides: Path | None) -> None:
    """Cluster organisation-name spellings (机构名称消歧) and write name,cluster,canonical."""
    names = read_name_column(in_csv, column)
    try:
        resolver = Resolver(threshold=threshold, overrides=overrides)
    except InnoChainError as error:
        raise click.ClickException(str(error)) from error
    assignment = resolver.resolve_names(names)
    out_csv.parent.mkdir(parents=True, exist_ok=True)
    with out_csv.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "cluster", "canonical"])
        for name in dict.fromkeys(names):
            info = assignment[name]
            writer.writerow([name, info.cluster_id, info.canonical])
    clusters = len({info.cluster_id for info in assignment.values()})
    click.echo(f"{len(assignment)} distinct names -> {clusters} organisations: {out_csv}")
