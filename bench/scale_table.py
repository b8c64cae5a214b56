"""The benchmark's records as one table: a row per measurement, a column per backend."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

COLUMNS = ("falkordb", "neo4j", "falkordb-bulk-loader", "-")


def _cell(value: float | None) -> str:
    if value is None:
        return "-"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.2f}"


def table_lines(records: Iterable[dict[str, Any]]) -> list[str]:
    """Text lines of the table (Markdown, so bench/README.md can take it as is)."""
    rows: dict[tuple[str, str], dict[str, float | None]] = {}
    for rec in records:
        rows.setdefault((rec["name"], rec["unit"]), {})[rec["backend"]] = rec["value"]
    used = [c for c in COLUMNS if any(c in by for by in rows.values())]
    head = f"| {'measurement':<52} | {'unit':<6} | " + " | ".join(f"{c:>20}" for c in used) + " |"
    lines = [head, "|" + "|".join("-" * len(part) for part in head.split("|")[1:-1]) + "|"]
    for (name, unit), by in rows.items():
        cells = " | ".join(f"{_cell(by.get(c)) if c in by else '':>20}" for c in used)
        lines.append(f"| {name:<52} | {unit:<6} | {cells} |")
    return lines


def print_table(records: Iterable[dict[str, Any]]) -> None:
    """Print the table to standard output."""
    print("\n".join(table_lines(records)))


def query_table_lines(records: Iterable[dict[str, Any]]) -> list[str]:
    """One row per query: p50 and p95 (ms) per backend, and why a figure is missing."""
    by_query: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}
    for rec in records:
        if rec["name"].startswith("query."):
            query_id, stat = rec["name"][len("query."):].rsplit(".", 1)
            by_query.setdefault(query_id, {})[(rec["backend"], stat)] = rec
    lines = ["| query | FalkorDB p50 | FalkorDB p95 | Neo4j p50 | Neo4j p95 | note |",
             "|---|---:|---:|---:|---:|---|"]
    for query_id, stats in by_query.items():
        cells, notes = [], []
        for backend in ("falkordb", "neo4j"):
            for stat in ("p50", "p95"):
                found = stats.get((backend, stat))
                cells.append(_cell(found["value"]) if found else "")
            note = (stats.get((backend, "p50")) or {}).get("note", "")
            notes += [f"{backend}: {part}" for part in note.split("; ")
                      if part.startswith(("failed", "skipped", "slower"))]
        lines.append(f"| {query_id} | " + " | ".join(cells) + f" | {'; '.join(notes)[:160]} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    """`python bench/scale_table.py FILE.json`: both tables of a saved run."""
    import json
    import sys
    from pathlib import Path

    records = json.loads(Path((argv or sys.argv[1:])[0]).read_text())
    print("\n".join(table_lines(r for r in records if not r["name"].startswith("query."))))
    print()
    print("\n".join(query_table_lines(records)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
