"""USPTO PatentsView tables (`g_patent`, `g_patent_abstract`, `g_assignee_disambiguated`,
`g_inventor_disambiguated`, `g_cpc_current`, optionally `g_application`).

Files are recognised by their columns, not their names, so `nvidia_patent.csv` and
`g_patent.tsv` both work; a directory stands for the table files inside it.

Ids and choices (documented in docs/graph-model.md's terms):
- Patent id = `US` + patent_id + wipo_kind, normalised (`US10001996B2`, `USD515086S1`,
  `USRE45000E1`); every row of the other tables is joined to it through g_patent, so a row
  whose patent is not in the patent table is a reject.
- `year` is the filing year when g_application is given, else the grant year (PatentsView's
  g_patent has no filing date); `grant_date` = `publication_date` = patent_date.
- Organisation id from `organization_key(name)`; role `government` for assignee types 6-9,
  else `firm`; country `US` for the US types (2, 4, 6, 8, 9), unknown otherwise.
  Individual owners (types 4, 5) are rejected: owners in the graph are organisations.
- Person id `pv:<inventor_id>`; CPC codes canonical (`G06F9/4812`) with scheme `cpc`, the
  level from the symbol, and CHILD_OF up to the section; `main` = cpc_sequence 0.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from innochain.errors import LoadError
from innochain.loaders.classification_nodes import ClassNodes
from innochain.loaders.field_parsing import FieldError, parse_date
from innochain.loaders.ipc_symbols import normalize_symbol
from innochain.loaders.load_context import LoadContext
from innochain.loaders.organization_ids import organization_key
from innochain.loaders.publication_numbers import normalise_publication_number
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject

SOURCE = "patentsview"
# The column that tells each table apart (checked in this order).
TABLE_MARKERS = (("cpc", "cpc_group"), ("inventor", "inventor_id"), ("assignee", "assignee_id"),
                 ("abstract", "patent_abstract"), ("application", "filing_date"),
                 ("patent", "patent_date"))
GOVERNMENT_TYPES = frozenset({"6", "7", "8", "9"})
US_TYPES = frozenset({"2", "4", "6", "8", "9"})
INDIVIDUAL_TYPES = frozenset({"4", "5"})
csv.field_size_limit(2**31 - 1)  # abstracts and claims run long


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """Files given, with each directory replaced by the .csv/.tsv files inside it."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in (".csv", ".tsv")))
        elif not path.exists():
            raise LoadError(f"{path}: no such file; check the path")
        else:
            out.append(path)
    return out


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row) streamed (the full tables run to gigabytes); header = line 1."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        try:
            first = fh.readline()
            fh.seek(0)
            delimiter = "\t" if first.count("\t") > first.count(",") else ","
            for line, row in enumerate(csv.DictReader(fh, delimiter=delimiter), start=2):
                yield line, {k: (v or "").strip() for k, v in row.items() if k}
        except UnicodeDecodeError as exc:
            raise _not_utf8(path, exc) from None


def _not_utf8(path: Path, exc: UnicodeDecodeError) -> LoadError:
    return LoadError(f"{path}: not UTF-8 (byte {exc.object[exc.start:exc.start + 1]!r} at "
                     f"offset {exc.start} of a block); PatentsView tables are UTF-8: "
                     "download the file again")


def table_of(path: Path) -> str:
    """Which PatentsView table a file holds, from its header; LoadError if none."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            header = fh.readline()
    except UnicodeDecodeError as exc:
        raise _not_utf8(path, exc) from None
    columns = {c.strip().strip('"') for c in header.replace("\t", ",").split(",")}
    for table, marker in TABLE_MARKERS:
        if marker in columns:
            return table
    raise LoadError(f"{path}: not a PatentsView table (no column "
                    f"{', '.join(m for _, m in TABLE_MARKERS)}); give g_patent, "
                    "g_assignee_disambiguated, g_inventor_disambiguated, g_cpc_current files")


def load_patentsview(paths: Sequence[Path], context: LoadContext) -> Iterator[Record]:
    """Patent, Organization, Person and CPC records from PatentsView tables."""
    by_table: dict[str, list[Path]] = {}
    for path in expand_paths(paths):
        by_table.setdefault(table_of(path), []).append(path)
    if "patent" not in by_table:
        raise LoadError("PatentsView: no g_patent table among the files (columns patent_id, "
                        "patent_date, wipo_kind); it is needed to name the patents")
    ids: dict[str, str] = {}
    for path in by_table["patent"]:
        yield from _patents(path, ids)
    for path in by_table.get("application", []):
        yield from _applications(path, ids)
    for path in by_table.get("abstract", []):
        yield from _abstracts(path, ids)
    for path in by_table.get("assignee", []):
        yield from _assignees(path, ids)
    for path in by_table.get("inventor", []):
        yield from _inventors(path, ids)
    classes = ClassNodes("cpc", SOURCE)
    for path in by_table.get("cpc", []):
        yield from _cpc(path, ids, classes)


def _patents(path: Path, ids: dict[str, str]) -> Iterator[Record]:
    for line, row in _rows(path):
        origin = Origin(str(path), line)
        try:
            pid = normalise_publication_number(f"US{row.get('patent_id', '')}"
                                               f"{row.get('wipo_kind', '')}")
            granted = parse_date(row["patent_date"]) if row.get("patent_date") else None
        except (ValueError, FieldError) as exc:
            yield Reject(str(path), line, "patent_id", row.get("patent_id", ""), str(exc))
            continue
        ids[row.get("patent_id", "")] = pid
        props: dict[str, Any] = {
            "title": row.get("patent_title") or None, "jurisdiction": "US",
            "kind": row.get("wipo_kind") or None, "grant_date": granted,
            "publication_date": granted, "year": int(granted[:4]) if granted else None,
            "status": "withdrawn" if row.get("withdrawn") == "1" else "granted",
            "source": SOURCE}
        yield NodeRecord("Patent", pid, {k: v for k, v in props.items() if v is not None},
                         origin)


def _patent_id(path: Path, line: int, row: dict[str, str],
               ids: dict[str, str]) -> str | Reject:
    pid = ids.get(row.get("patent_id", ""))
    if pid is None:
        return Reject(str(path), line, "patent_id", row.get("patent_id", ""),
                      "patent not in the g_patent table given; load them together")
    return pid


def _sequence(path: Path, line: int, row: dict[str, str], column: str) -> int | Reject:
    """The row's 0-based sequence number (0 when empty), or a Reject for other text."""
    text = row.get(column) or "0"
    if text.isascii() and text.isdigit():
        return int(text)
    return Reject(str(path), line, column, text, "not a whole number (0, 1, 2 ...)")


def _applications(path: Path, ids: dict[str, str]) -> Iterator[Record]:
    for line, row in _rows(path):
        pid = _patent_id(path, line, row, ids)
        if isinstance(pid, Reject):
            yield pid
            continue
        try:
            filed = parse_date(row["filing_date"])
        except FieldError as exc:
            yield Reject(str(path), line, "filing_date", row["filing_date"], str(exc))
            continue
        props = {"filing_date": filed, "year": int(filed[:4])}
        if row.get("application_id"):
            props["application_number"] = "US" + row["application_id"].replace("/", "")
        yield NodeRecord("Patent", pid, props, Origin(str(path), line))


def _abstracts(path: Path, ids: dict[str, str]) -> Iterator[Record]:
    for line, row in _rows(path):
        pid = _patent_id(path, line, row, ids)
        if isinstance(pid, Reject):
            yield pid
        elif row.get("patent_abstract"):
            yield NodeRecord("Patent", pid, {"abstract": row["patent_abstract"]},
                             Origin(str(path), line))
        else:  # an empty abstract is not an error: the row is read and changes nothing
            yield NodeRecord("Patent", pid, {}, Origin(str(path), line))


def _assignees(path: Path, ids: dict[str, str]) -> Iterator[Record]:
    for line, row in _rows(path):
        pid = _patent_id(path, line, row, ids)
        if isinstance(pid, Reject):
            yield pid
            continue
        kind, name = row.get("assignee_type", ""), row.get("disambig_assignee_organization", "")
        if kind in INDIVIDUAL_TYPES or not name:
            yield Reject(str(path), line, "disambig_assignee_organization", name,
                         "individual owner: the graph records organisations as owners")
            continue
        sequence = _sequence(path, line, row, "assignee_sequence")
        if isinstance(sequence, Reject):
            yield sequence
            continue
        origin = Origin(str(path), line)
        key = organization_key(name, source_id=row.get("assignee_id"))
        role = "government" if kind in GOVERNMENT_TYPES else "firm"
        props = {"name": name, "role": role, "source": SOURCE}
        if kind in US_TYPES:
            props["country"] = "US"
        yield NodeRecord("Organization", key, props, origin, role=role.capitalize())
        yield EdgeRecord("OWNS", "Organization", key, "Patent", pid,
                         {"sequence": sequence, "source": SOURCE},
                         origin, field_name="patent_id", src_field="assignee_id")


def _inventors(path: Path, ids: dict[str, str]) -> Iterator[Record]:
    for line, row in _rows(path):
        pid = _patent_id(path, line, row, ids)
        if isinstance(pid, Reject):
            yield pid
            continue
        sequence = _sequence(path, line, row, "inventor_sequence")
        if isinstance(sequence, Reject):
            yield sequence
            continue
        origin = Origin(str(path), line)
        person = f"pv:{row['inventor_id']}"
        name = " ".join(p for p in (row.get("disambig_inventor_name_first"),
                                    row.get("disambig_inventor_name_last")) if p)
        yield NodeRecord("Person", person, {"name": name, "source": SOURCE} if name
                         else {"source": SOURCE}, origin)
        yield EdgeRecord("INVENTED", "Person", person, "Patent", pid,
                         {"sequence": sequence, "source": SOURCE},
                         origin, field_name="patent_id", src_field="inventor_id")


def _cpc(path: Path, ids: dict[str, str], classes: ClassNodes) -> Iterator[Record]:
    for line, row in _rows(path):
        pid = _patent_id(path, line, row, ids)
        if isinstance(pid, Reject):
            yield pid
            continue
        origin = Origin(str(path), line)
        try:
            code = normalize_symbol(row["cpc_group"])
        except ValueError as exc:
            yield Reject(str(path), line, "cpc_group", row["cpc_group"], str(exc))
            continue
        yield from classes.records(code, origin)
        main = row.get("cpc_sequence") == "0"
        yield EdgeRecord("CLASSIFIED_AS", "Patent", pid, "CPC", code,
                         {"main": main, "source": SOURCE}, origin, field_name="cpc_group")
        if main:
            yield NodeRecord("Patent", pid, {"main_class": code}, origin)
