"""CEC PV module and inverter lists (SAM library, pvlib data) -> makers, products, MAKES.

The files have three header rows: column names, units, SAM keys. Inverters name the maker
before a colon (``"ABB: MICRO-0.25-I-OUTD-US-208 [208V]"``). Modules join maker and model
with a space and have no maker column (``"Trina Solar TSM-250PA05"``), so the maker is split
off by rules checked against the whole file (see `module_makers`). SAM writes ", " inside
names as "_ " (``"Co._ Ltd"``); it is read back as a comma.

One Product per row (each row is a distinct model or model/voltage); `IN_SEGMENT` to the
chain's `module` / `inverter` segment only when a chain id is given (default `pv`).
Data: CEC / NREL SAM via pvlib 0.16.1, BSD-3-Clause.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from innochain.loaders.chain_loader import node_id
from innochain.loaders.field_parsing import FieldError, parse_float
from innochain.loaders.organization_ids import organization_key
from innochain.loaders.pv_makers import maker_country
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject
from innochain.loaders.tabular import raw_records

KIND = "cec-pv"
DESCRIPTION = "CEC PV module and inverter lists (SAM/pvlib CSV): makers, products, MAKES"
SOURCE = "cec-pv"
HEADER_ROWS = 3  # names, units, SAM keys
TECHNOLOGIES = {"Mono-c-Si", "Multi-c-Si", "CdTe", "CIGS", "Thin Film"}
_MODULE_CELLS = ("Technology", "STC", "Bifacial")  # the columns a module row is read for
# Legal forms that end a maker's name when the model follows them.
_LEGAL_TOKENS = frozenset("""inc inc. co co. ltd ltd. llc gmbh corp corp. corporation ag sa s.a.
bv b.v. limited co.,ltd co.,ltd. co., ltd, plc pvt pvt. pte jsc srl s.r.l. sdn bhd bhd.
pty incorporated s.l.""".split())


def records(paths: list[Path], *, chain: str | None = "pv") -> Iterator[Record]:
    """Records of every CEC file given (modules or inverters, told apart by their columns)."""
    for path in paths:
        rows = list(raw_records(path))
        header = [str(c).strip() for c in rows[0]] if rows else []
        if "Paco" in header:
            yield from _inverters(path, header, rows[HEADER_ROWS:], chain)
        elif "STC" in header and "Technology" in header:
            yield from _modules(path, header, rows[HEADER_ROWS:], chain)
        else:
            yield Reject(str(path), 1, "Name", ",".join(header[:5]),
                         "not a CEC module or inverter list (expected columns STC or Paco)")


def sam_text(text: str) -> str:
    """SAM's "_ " back to ", " and "._" to ".," (its CSV writer replaced commas)."""
    return " ".join(text.replace("_ ", ", ").replace("._", ".,").split())


def _maker_tokens(tokens: list[str]) -> int:
    """How many leading tokens of a module name are the maker (one row on its own)."""
    legal = [i for i, t in enumerate(tokens[:-1]) if t.lower().rstrip(",") in _LEGAL_TOKENS]
    if legal:
        return legal[-1] + 1
    for i, tok in enumerate(tokens[1:], start=1):
        # A model starts where a token repeats the brand ("Conergy Conergy P 250") or
        # carries a digit ("TSM-250PA05"); the last token is always model.
        if tok.lower() == tokens[0].lower() or re.search(r"\d", tok) or i == len(tokens) - 1:
            return i
    return 1


def module_makers(names: list[str]) -> dict[str, str]:
    """Module name -> maker name. A row's maker that extends another row's maker by
    upper-case or dotted series words only ("Solar Liberty SLX", "Q-Cells Q.Pro") is cut
    back to it."""
    first = {n: " ".join(n.split(" ")[:_maker_tokens(n.split(" "))]) for n in names}
    candidates = set(first.values())

    def cut_back(maker: str) -> str:
        tokens = maker.split(" ")
        for k in range(1, len(tokens)):
            if " ".join(tokens[:k]) in candidates and not any(
                    re.search(r"[a-z]", t) and "." not in t for t in tokens[k:]):
                return " ".join(tokens[:k])
        return maker

    return {n: cut_back(m) for n, m in first.items()}


def _maker_node(name: str, origin: Origin) -> NodeRecord:
    key, country = _maker_facts(name)
    props: dict[str, object] = {"name": name, "role": "firm", "source": SOURCE}
    if country:
        props["country"] = country
    return NodeRecord("Organization", key, props, origin, role="Firm")


@lru_cache(maxsize=4096)
def _maker_facts(name: str) -> tuple[str, str | None]:
    """Node id and country of a maker (a few hundred makers name 25,000 rows)."""
    return organization_key(name), maker_country(name)


def _product_records(maker: str, product_id: str, props: dict[str, object], origin: Origin,
                     segment: str, chain: str | None) -> Iterator[Record]:
    try:
        _maker_facts(maker)
    except ValueError as exc:  # a maker of punctuation only
        yield Reject(origin.file, origin.line, "Name", maker, str(exc))
        return
    yield _maker_node(maker, origin)
    yield NodeRecord("Product", product_id, {**props, "source": SOURCE}, origin)
    yield EdgeRecord("MAKES", "Organization", _maker_facts(maker)[0], "Product", product_id,
                     {"source": SOURCE}, origin, field_name="Name")
    if chain:
        yield EdgeRecord("IN_SEGMENT", "Product", product_id, "Segment", node_id(chain, segment),
                         {"source": SOURCE}, origin, field_name="Name")


def _modules(path: Path, header: list[str], rows: list[list[object]],
             chain: str | None) -> Iterator[Record]:
    col = {name: i for i, name in enumerate(header)}
    used = {k: col[k] for k in _MODULE_CELLS if k in col}  # not all 25 columns per row
    names = [sam_text(str(r[0])) for r in rows if r and str(r[0]).strip()]
    makers = module_makers(names)
    seen: Counter[str] = Counter()
    for line, row in enumerate(rows, start=HEADER_ROWS + 1):
        origin = Origin(str(path), line)
        name = sam_text(str(row[0])) if row else ""
        cell = {k: str(row[i]).strip() if i < len(row) else "" for k, i in used.items()}
        reject = _module_reject(name, cell, seen)
        if reject:
            yield Reject(str(path), line, *reject)
            continue
        seen[name] += 1
        maker = makers[name]
        props = {"name": name, "model": name[len(maker):].strip(),
                 "technology": cell["Technology"], "bifacial": cell.get("Bifacial") == "1",
                 "power_w": parse_float(cell["STC"])}
        yield from _product_records(maker, f"cec-module:{name}", props, origin, "module", chain)


def _module_reject(name: str, cell: dict[str, str], seen: Counter[str]
                   ) -> tuple[str, str, str] | None:
    """(field, value, reason) when a module row cannot be loaded."""
    if not name:
        return ("Name", "", "no module name")
    if seen[name]:
        return ("Name", name, "the same module name is listed again; the first row is kept")
    if cell.get("Technology") not in TECHNOLOGIES:
        return ("Technology", cell.get("Technology", ""),
                f"unknown technology; expected one of {', '.join(sorted(TECHNOLOGIES))}")
    try:
        parse_float(cell.get("STC", ""))
    except FieldError as exc:
        return ("STC", cell.get("STC", ""), f"rated power: {exc}")
    return None


def _inverters(path: Path, header: list[str], rows: list[list[object]],
               chain: str | None) -> Iterator[Record]:
    col = {name: i for i, name in enumerate(header)}
    seen: set[str] = set()
    for line, row in enumerate(rows, start=HEADER_ROWS + 1):
        name = sam_text(str(row[0])) if row else ""
        paco = str(row[col["Paco"]]).strip() if len(row) > col["Paco"] else ""
        maker, _, model = name.partition(":")
        maker, model = maker.strip().rstrip(",").strip(), model.strip()
        if not maker or not model:
            yield Reject(str(path), line, "Name", name,
                         "expected 'Maker: model' (a colon between maker and model)")
            continue
        if name in seen:
            yield Reject(str(path), line, "Name", name,
                         "the same inverter name is listed again; the first row is kept")
            continue
        try:
            power = parse_float(paco)
        except FieldError as exc:
            yield Reject(str(path), line, "Paco", paco, f"rated AC power: {exc}")
            continue
        seen.add(name)
        props = {"name": name, "model": model, "power_w": power}
        yield from _product_records(maker, f"cec-inverter:{name}", props,
                                    Origin(str(path), line), "inverter", chain)
