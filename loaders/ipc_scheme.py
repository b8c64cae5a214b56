"""The WIPO IPC scheme (`all_ipc.csv`) and the IPC-technology concordance (`ipc_technology.csv`).

IPC scheme: one CPC node per symbol, scheme `ipc`, level inferred from the symbol, CHILD_OF
its nearest derivable ancestor. A symbol on two lines is one title in two parts (joined with
"; "); a line without a tab continues the title above it (a line break inside a title).

Concordance (Schmoch 2008, 35 fields in 5 sectors): the graph has no node type for a
technology field outside a chain, and Technology nodes belong to chain templates, so the
fields are written as `Industry` nodes with scheme `wipo35`: sectors (`wipo35:s<n>`, level
`sector`) and fields (`wipo35:<nr>`, level `field`) with CHILD_OF field -> sector. Each field
keeps its IPC prefixes as `patterns` (canonical symbols: `F21H`, `H04N3/00`), the same form
as Technology.patterns, so a query or a report can match classes against them. (A
declared Industry -> CPC relationship would let the graph hold the mapping as edges.)
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from innochain.errors import LoadError
from innochain.loaders.classification_nodes import ClassNodes
from innochain.loaders.ipc_symbols import normalize_symbol, wipo14_to_symbol
from innochain.loaders.load_context import LoadContext
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject
from innochain.loaders.tabular import check_readable, clean_cell, decode_text

IPC_SOURCE = "wipo-ipc"
CONCORDANCE_SOURCE = "wipo-ipc-technology"
CONCORDANCE_SCHEME = "wipo35"
_LIKE = re.compile(r"^([A-H]\d{2}[A-Z])\s*(\d{0,4})%$")


def _scheme_lines(path: Path) -> Iterator[tuple[int, str, str]]:
    """(line, symbol, title) with continuation lines folded into the title above."""
    pending: list[object] | None = None
    for number, text in enumerate(decode_text(path).splitlines(), start=1):
        text = "\t".join(clean_cell(part) for part in text.split("\t", 1))  # no NUL, no controls
        if not text.strip():
            continue
        if "\t" not in text:
            if pending is None:
                raise LoadError(f"{path}:{number}: no tab before the title; all_ipc.csv lines "
                                "are symbol<TAB>title")
            pending[2] = f"{pending[2]} {text.strip()}"
            continue
        if pending is not None:
            yield pending[0], pending[1], pending[2]  # type: ignore[misc]
        symbol, title = text.split("\t", 1)
        pending = [number, symbol.strip(), " ".join(title.split())]
    if pending is not None:
        yield pending[0], pending[1], pending[2]  # type: ignore[misc]


def load_ipc_scheme(paths: Sequence[Path], context: LoadContext) -> Iterator[Record]:
    """CPC nodes (scheme ipc) with titles and CHILD_OF, from WIPO's symbol<TAB>title file."""
    for path in paths:
        check_readable(path)
        parsed: list[tuple[int, str, str]] = []
        titles: dict[str, list[str]] = {}
        for line, symbol, title in _scheme_lines(path):
            try:
                code = wipo14_to_symbol(symbol)
            except ValueError as exc:
                yield Reject(str(path), line, "symbol", symbol, str(exc))
                continue
            parsed.append((line, code, title))
            parts = titles.setdefault(code, [])
            if title and title not in parts:
                parts.append(title)
        classes = ClassNodes("ipc", IPC_SOURCE)
        for line, code, _ in parsed:
            yield from classes.records(code, Origin(str(path), line), "; ".join(titles[code]))


def load_ipc_titles(paths: Sequence[Path], context: LoadContext) -> Iterator[Record]:
    """CPC nodes (scheme ipc) with titles from a `symbol,wipo14,level,title_en` table (the
    rows of all_ipc.csv a chain uses, as in seed_data/reference/ipc_pv_titles.csv)."""
    for path in paths:
        check_readable(path)
        reader = csv.DictReader(io.StringIO(decode_text(path), newline=""), restval="")
        missing = {"symbol", "title_en"} - set(reader.fieldnames or [])
        if missing:
            raise LoadError(f"{path}: missing column(s) {', '.join(sorted(missing))}; expected "
                            "symbol,wipo14,level,title_en")
        classes = ClassNodes("ipc", IPC_SOURCE)
        for line, row in enumerate(reader, start=2):
            try:
                code = normalize_symbol(row["symbol"])
            except ValueError as exc:
                yield Reject(str(path), line, "symbol", row["symbol"], str(exc))
                continue
            yield from classes.records(code, Origin(str(path), line),
                                       " ".join((row["title_en"] or "").split()) or None)


def like_to_symbol(pattern: str) -> str:
    """A PATSTAT LIKE pattern as a canonical symbol: `F21H%` -> `F21H`, `H04N   3%` ->
    `H04N3/00`; ValueError for any other shape."""
    match = _LIKE.match(pattern.strip())
    if not match:
        raise ValueError(f"'{pattern}' is not a subclass or main-group pattern like 'F21H%' "
                         "or 'H04N   3%'")
    subclass, group = match.groups()
    return normalize_symbol(f"{subclass}{group}/00" if group else subclass)


def load_ipc_technology(paths: Sequence[Path], context: LoadContext) -> Iterator[Record]:
    """Industry nodes for WIPO's 35 technology fields and 5 sectors, with their IPC patterns."""
    for path in paths:
        check_readable(path)
        reader = csv.DictReader(io.StringIO(decode_text(path), newline=""), restval="")
        missing = {"field_nr", "sector", "field_name", "ipc"} - set(reader.fieldnames or [])
        if missing:
            raise LoadError(f"{path}: missing column(s) {', '.join(sorted(missing))}; expected "
                            "field_nr,sector,field_name,ipc (WIPO IPC-technology concordance)")
        sectors: dict[str, str] = {}
        patterns: dict[str, list[str]] = {}
        for line, row in enumerate(reader, start=2):
            origin = Origin(str(path), line)
            try:
                symbol = like_to_symbol(row["ipc"])
                field = f"wipo35:{int(row['field_nr'])}"
            except ValueError as exc:
                yield Reject(str(path), line, "ipc", row["ipc"], str(exc))
                continue
            sector = sectors.setdefault(row["sector"], f"wipo35:s{len(sectors) + 1}")
            found = patterns.setdefault(field, [])
            if symbol not in found:
                found.append(symbol)
            yield NodeRecord("Industry", sector, {"name": row["sector"], "level": "sector",
                                                  "scheme": CONCORDANCE_SCHEME,
                                                  "source": CONCORDANCE_SOURCE}, origin)
            yield NodeRecord("Industry", field, {
                "name": row["field_name"], "level": "field", "scheme": CONCORDANCE_SCHEME,
                "patterns": list(found), "source": CONCORDANCE_SOURCE}, origin)
            yield EdgeRecord("CHILD_OF", "Industry", field, "Industry", sector,
                             {"source": CONCORDANCE_SOURCE}, origin, field_name="sector")
