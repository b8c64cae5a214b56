"""Refuse source rows whose node keys no backend can hold safely, before anything is written.

A key is an id, a code or a publication number: tens of characters. A key of thousands of
characters is a broken file (a whole paragraph in the id column, a missing quote), and
FalkorDB 4.16 crashes on a MERGE of such a key under its unique constraint (measured: 2,000
characters work, 5,000 kill the server) while its key index stops finding keys that long.
So every row that would write a node key or a relationship end longer than MAX_KEY_LENGTH is
one reject naming its file and line; the rest of the file loads.

A row's records come one after another and share its origin, so the screen holds one row's
records at a time: a refused row writes nothing. Records without an origin belong to the row
being read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject

MAX_KEY_LENGTH = 1000
_SHOWN = 60  # characters of the refused key quoted in the reject


def screen_keys(records: Iterable[Record]) -> Iterator[Record]:
    """The records of every row whose keys are all short enough; a reject for each other row."""
    row: list[Record] = []
    row_origin: Origin | None = None
    for rec in records:
        if isinstance(rec, Reject):
            yield from _settle(row, row_origin)
            row, row_origin = [], None
            yield rec
            continue
        origin = rec.origin
        if origin is not None and origin is not row_origin and origin != row_origin:
            yield from _settle(row, row_origin)
            row, row_origin = [], origin
        row.append(rec)
    yield from _settle(row, row_origin)


def _settle(row: list[Record], origin: Origin | None) -> list[Record]:
    """The row as it is, or one reject when one of its keys is too long."""
    for rec in row:
        refused = _too_long(rec)
        if refused is not None:
            where = origin or Origin("(no source row)", 0)
            what, key = refused
            return [Reject(where.file, where.line, what, key[:_SHOWN] + "…",
                           f"{what} is {len(key):,} characters long; keys longer than "
                           f"{MAX_KEY_LENGTH:,} are refused: check the column (a missing quote "
                           f"or a paragraph in the id field) and load again")]
    return row


def _too_long(rec: Record) -> tuple[str, str] | None:
    """(what, key) of the record's first key over the limit, else None."""
    if isinstance(rec, NodeRecord):
        return (f"{rec.label} id", rec.key) if len(rec.key) > MAX_KEY_LENGTH else None
    if isinstance(rec, EdgeRecord):
        if len(rec.src) > MAX_KEY_LENGTH:
            return (rec.src_field or f"{rec.src_label} id", rec.src)
        if len(rec.dst) > MAX_KEY_LENGTH:
            return (rec.field_name or f"{rec.dst_label} id", rec.dst)
    return None
