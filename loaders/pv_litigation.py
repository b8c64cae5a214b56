"""Hand-compiled PV patent disputes (cases.csv) -> Case, parties (PARTY_TO), asserted patents.

Plaintiffs and defendants are several per cell (`;`); each becomes an Organization (role
firm) keyed by `organization_key`. Asserted patents are read from the `asserted_patents` cell:
each `;` item that starts with a publication number (``US 8,222,516``, ``EP 2 220 689 B1``,
``JP 6642841 B2``) becomes a Patent; a cell starting "not" ("not disclosed", "not named in
source (...)") or naming no number asserts none. When the file cites one patent both with and
without its kind code, the spelling with the kind code is used for both, so they meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from innochain.loaders.field_parsing import FieldError, parse_year
from innochain.loaders.organization_ids import organization_key
from innochain.loaders.party_names import party_node, split_parties
from innochain.loaders.publication_numbers import parse_publication_number
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject
from innochain.loaders.tabular import ColumnError, ColumnSpec, read_table, typed_row

KIND = "pv-litigation"
DESCRIPTION = "hand-compiled PV patent disputes (CSV): cases, parties, asserted patents"
SOURCE = "pv-litigation"
COLUMNS = tuple(ColumnSpec(name, required=name in ("case_id", "plaintiff", "defendants"))
                for name in ("case_id", "year_filed", "date_filed", "plaintiff", "defendants",
                             "forum", "forum_type", "jurisdiction", "case_number",
                             "asserted_patents", "technology", "outcome_or_status",
                             "source_url", "source_url_2"))
# A country code, then digits with the separators offices and news pages use, then a kind code.
_NUMBER = re.compile(r"^\s*([A-Z]{2})\s*(\d[\d ,.]*\d)\s*([A-Z]\d?)?(?![\w])")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CASE_FIELDS = {"forum": "forum", "forum_type": "forum_type", "jurisdiction": "jurisdiction",
                "case_number": "case_number", "technology": "technology",
                "outcome_or_status": "status", "source_url": "source_url",
                "source_url_2": "source_url_2"}


def asserted_numbers(cell: str) -> list[str]:
    """Publication numbers named in the cell, normalised; [] when it names none.

    >>> asserted_numbers("US 8,222,516; US 8,878,053")
    ['US8222516', 'US8878053']
    >>> asserted_numbers("not named in source (follows the EP 2 220 689 campaign)")
    []
    """
    if not cell.strip() or cell.strip().lower().startswith("not "):
        return []
    out = []
    for item in re.split(r"[;；]", cell):
        match = _NUMBER.match(item)
        if match:
            number = str(parse_publication_number(
                f"{match.group(1)}{match.group(2)}{match.group(3) or ''}"))
            if number not in out:
                out.append(number)
    return out


def records(paths: list[Path]) -> Iterator[Record]:
    """Records of each cases.csv given."""
    for path in paths:
        rows: list[tuple[Origin, dict[str, str], list[str]]] = []
        for item in read_table(path, COLUMNS):
            if isinstance(item, Reject):
                yield item
                continue
            line, row = item
            try:
                rows.append((Origin(str(path), line), row, _checked(row)))
            except ColumnError as exc:
                yield exc.reject(str(path), line)
        kinded = _kinded_spellings(n for _, _, numbers in rows for n in numbers)
        for origin, row, numbers in rows:
            yield from _case_records(origin, row, [kinded.get(n, n) for n in numbers])


def _checked(row: dict[str, str]) -> list[str]:
    """The row's asserted numbers; ColumnError naming the column when a cell is unreadable."""
    typed_row(row, COLUMNS)  # ColumnError for a required cell left empty
    for column in ("plaintiff", "defendants"):
        for party in split_parties(row[column]):
            try:
                organization_key(party.name)
            except ValueError as exc:
                raise ColumnError(column, party.name, str(exc)) from None
    if row.get("year_filed"):
        try:
            parse_year(row["year_filed"])
        except FieldError as exc:
            raise ColumnError("year_filed", row["year_filed"], str(exc)) from None
    if row.get("date_filed") and not _DATE.match(row["date_filed"]):
        raise ColumnError("date_filed", row["date_filed"],
                        "not a date (write 2019-03-04, 2019-03 or 2019)")
    try:
        return asserted_numbers(row.get("asserted_patents", ""))
    except ValueError as exc:
        raise ColumnError("asserted_patents", row.get("asserted_patents", ""), str(exc)) from None


def _kinded_spellings(numbers: Iterator[str]) -> dict[str, str]:
    """Bare number -> the spelling with a kind code, when the file uses exactly one."""
    by_base: dict[str, set[str]] = {}
    for number in numbers:
        parts = parse_publication_number(number)
        by_base.setdefault(f"{parts.country}{parts.number}", set()).add(number)
    return {base: next(iter(k for k in spellings if k != base))
            for base, spellings in by_base.items()
            if base in spellings and len(spellings - {base}) == 1}


def _case_records(origin: Origin, row: dict[str, str], numbers: list[str]) -> Iterator[Record]:
    case_id = row["case_id"]
    props: dict[str, Any] = {"title": f"{row['plaintiff']} v. {row['defendants']}",
                             "source": SOURCE}
    props.update({prop: row[col] for col, prop in _CASE_FIELDS.items() if row.get(col)})
    if row.get("year_filed"):
        props["year"] = parse_year(row["year_filed"])
    if row.get("date_filed"):
        props["date_filed"] = row["date_filed"]
    yield NodeRecord("Case", case_id, props, origin)
    linked: set[tuple[str, str]] = set()  # two spellings of one firm give one edge
    for column, side in (("plaintiff", "plaintiff"), ("defendants", "defendant")):
        for party in split_parties(row[column]):
            yield party_node(party, origin, SOURCE)
            org = organization_key(party.name)
            if (org, side) not in linked:
                linked.add((org, side))
                yield EdgeRecord("PARTY_TO", "Organization", org, "Case", case_id,
                                 {"side": side, "source": SOURCE}, origin,
                                 rkey={"side": side}, field_name=column)
    for number in numbers:
        parts = parse_publication_number(number)
        patent = {"jurisdiction": parts.country, "source": SOURCE}
        if parts.kind:
            patent["kind"] = parts.kind
        yield NodeRecord("Patent", number, patent, origin)
        yield EdgeRecord("ASSERTS", "Case", case_id, "Patent", number, {"source": SOURCE},
                         origin, field_name="asserted_patents")
