"""IPC / CPC symbols: one canonical form, WIPO 14-character form, levels and prefix matching.

Canonical form is what every other module stores and compares: no spaces, no zero padding,
at least two subgroup digits (``H01L31/18``, ``H01L31/00``, ``Y02E10/50``); sections,
classes and subclasses stay short (``H``, ``H01``, ``H01L``). IPC and CPC share this syntax,
so the same functions serve both schemes.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

Level = Literal["section", "class", "subclass", "main group", "subgroup"]

# Sections A-H are IPC; Y is CPC's cross-sectional tagging section (e.g. Y02E10/50).
_SHORT = re.compile(r"^([A-HY])(?:(\d{2})([A-Z])?)?$")
_GROUP = re.compile(r"^([A-HY]\d{2}[A-Z])(\d{1,4})(?:/(\d{1,6})?)?$")
_WIPO14 = re.compile(r"^([A-HY]\d{2}[A-Z])(\d{4})(\d{6})$")
# Edition or version tags patent offices append: "H01L 31/18 (2006.01)", "H01L31/18 20060101".
_VERSION_TAG = re.compile(r"(\(\d{4}\.\d{2}\)|\s\d{8}\w*)\s*$")


class IpcSymbol(NamedTuple):
    """A parsed symbol; ``main_group``/``subgroup`` are None above group level."""

    subclass: str  # may be a section ("H") or class ("H01") for short symbols
    main_group: str | None
    subgroup: str | None

    def __str__(self) -> str:
        if self.main_group is None:
            return self.subclass
        return f"{self.subclass}{self.main_group}/{self.subgroup}"


def _clean_subgroup(digits: str) -> str:
    # Trailing zeros after the second digit carry no meaning (31/18 == 31/180000 in WIPO14).
    digits = digits.rstrip("0")
    return digits.ljust(2, "0")


def parse_symbol(raw: str) -> IpcSymbol:
    """Parse any usual spelling of an IPC/CPC symbol; raise ValueError if it is not one.

    Accepts ``H01L 31/18``, ``H01L31/18``, ``H01L0031180000`` (WIPO14), ``h01l31/18``,
    a trailing edition tag ``(2006.01)``, and a bare main group ``H01L31`` or ``H01L31/``
    (both read as the main group ``H01L31/00``).
    """
    if not isinstance(raw, str):
        raise ValueError(f"not a classification symbol: {raw!r} (expected text like 'H01L31/18')")
    text = _VERSION_TAG.sub("", raw.strip()).upper().replace(" ", "")
    if not text:
        raise ValueError("empty classification symbol")
    short = _SHORT.match(text)
    if short:
        return IpcSymbol(text, None, None)
    wipo = _WIPO14.match(text)
    if wipo:
        subclass, main, sub = wipo.groups()
        return IpcSymbol(subclass, str(int(main)), _clean_subgroup(sub))
    group = _GROUP.match(text)
    if group:
        subclass, main, sub = group.groups()
        if int(main) == 0:
            raise ValueError(f"main group 0 does not exist in {raw!r}")
        return IpcSymbol(subclass, str(int(main)), _clean_subgroup(sub or "00"))
    raise ValueError(
        f"not a classification symbol: {raw!r} (expected e.g. 'H02S', 'H01L31/18' "
        "or WIPO form 'H01L0031180000')"
    )


def normalize_symbol(raw: str) -> str:
    """Canonical text form: ``'H01L 31/0180 (2006.01)'`` -> ``'H01L31/018'``."""
    return str(parse_symbol(raw))


def wipo14_to_symbol(wipo14: str) -> str:
    """``'H01L0031180000'`` -> ``'H01L31/18'``; short symbols (``'H01L'``) pass through."""
    text = wipo14.strip().upper()
    wipo = _WIPO14.match(text)
    if wipo:  # what parse_symbol makes of it, without parsing it a second time
        subclass, main, sub = wipo.groups()
        return f"{subclass}{int(main)}/{_clean_subgroup(sub)}"
    if not _SHORT.match(text):
        raise ValueError(f"not a WIPO 14-character symbol: {wipo14!r}")
    return text


def symbol_to_wipo14(symbol: str) -> str:
    """``'H01L31/18'`` -> ``'H01L0031180000'``; sections, classes, subclasses stay short."""
    parsed = parse_symbol(symbol)
    if parsed.main_group is None or parsed.subgroup is None:
        return parsed.subclass
    return f"{parsed.subclass}{int(parsed.main_group):04d}{parsed.subgroup.ljust(6, '0')}"


def ipc_level(symbol: str) -> Level:
    """Level of a symbol: section, class, subclass, main group or subgroup."""
    return _level(parse_symbol(symbol))


def level_and_parent(symbol: str) -> tuple[Level, str | None]:
    """`ipc_level(symbol)` and the nearest of its `ancestors` (None for a section), from one
    parse: a classification scheme names tens of thousands of symbols."""
    parsed = parse_symbol(symbol)
    found = _ancestors(parsed)
    return _level(parsed), found[0] if found else None


def _level(parsed: IpcSymbol) -> Level:
    if parsed.main_group is None:
        return {1: "section", 3: "class", 4: "subclass"}[len(parsed.subclass)]  # type: ignore[return-value]
    return "main group" if parsed.subgroup == "00" else "subgroup"


def ancestors(symbol: str) -> list[str]:
    """Main group, subclass, class and section above a symbol, nearest first.

    Intermediate subgroups (the IPC's dot levels) are not derivable from the symbol alone,
    so they are not listed.
    """
    return _ancestors(parse_symbol(symbol))


def _ancestors(parsed: IpcSymbol) -> list[str]:
    out: list[str] = []
    if parsed.main_group is not None and parsed.subgroup != "00":
        out.append(f"{parsed.subclass}{parsed.main_group}/00")
    head = parsed.subclass
    if parsed.main_group is not None:
        out.append(head)
    for length in (3, 1):
        if len(head) > length:
            out.append(head[:length])
    return out


def pattern_matches(pattern: str, symbol: str) -> bool:
    """True when ``symbol`` falls under ``pattern`` (both any accepted spelling).

    A section/class/subclass pattern matches everything below it; a main-group pattern
    (``H01L31/00``) matches the whole main group; a subgroup pattern matches the subgroups
    whose digits start with its digits (``H01L31/068`` matches ``H01L31/0687``), the
    usual patent-analytics reading of IPC subgroup numbers.
    """
    pat = parse_symbol(pattern)
    sym = parse_symbol(symbol)
    return _matches(pat, sym)


def _matches(pat: IpcSymbol, sym: IpcSymbol) -> bool:
    if pat.main_group is None:
        return sym.subclass.startswith(pat.subclass)
    if sym.main_group is None or sym.subclass != pat.subclass or sym.main_group != pat.main_group:
        return False
    if pat.subgroup == "00":
        return True
    assert pat.subgroup is not None and sym.subgroup is not None
    return sym.subgroup.startswith(pat.subgroup)


class PatternIndex:
    """Class patterns mapped to labels (technology ids); finds the labels a symbol falls under."""

    def __init__(self) -> None:
        # Grouped by section letter so a large portfolio is not matched against every pattern.
        self._by_section: dict[str, list[tuple[IpcSymbol, str]]] = {}

    def add(self, pattern: str, label: str) -> None:
        """Register ``pattern`` (any accepted spelling) for ``label``."""
        parsed = parse_symbol(pattern)
        self._by_section.setdefault(parsed.subclass[0], []).append((parsed, label))

    def labels_for(self, symbol: str) -> set[str]:
        """Labels of every pattern covering ``symbol``; empty for text that is not a symbol."""
        try:
            parsed = parse_symbol(symbol)
        except ValueError:
            return set()
        candidates = self._by_section.get(parsed.subclass[0], [])
        return {label for pattern, label in candidates if _matches(pattern, parsed)}
