"""Firm names as hand-compiled PV data sets write them: several per cell, with notes.

Cells such as ``"LONGi; Trina Solar; Tongwei (Sichuan Yongxiang)"`` or ``"Canadian Solar and
three US subsidiaries (incl. Recurrent Energy)"`` name firms in free text. A party is the name
before any parenthesis or trailing qualifier; the whole text is kept as an alias so that
nothing the source said is lost.

>>> [p.name for p in split_parties("LONGi; Trina Solar; Tongwei (Sichuan Yongxiang)")]
['LONGi', 'Trina Solar', 'Tongwei']
>>> clean_party("JinkoSolar Holding Co., Ltd. and subsidiaries")
Party(name='JinkoSolar Holding Co., Ltd.', alias='JinkoSolar Holding Co., Ltd. and subsidiaries')
>>> clean_party("Runergy entities").name
'Runergy'
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from innochain.loaders.organization_ids import organization_key
from innochain.loaders.pv_makers import maker_country
from innochain.loaders.records import NodeRecord, Origin

# Qualifiers that say "this firm and its group", not part of the name (matched at the end).
_TRAILING = re.compile(
    r"\s+(?:and\s+(?:its\s+)?(?:related\s+entities|subsidiaries|affiliates|[\w\s]*?"
    r"(?:subsidiaries|affiliates|entities))|entities|subsidiary|subsidiaries|"
    r"\(?and\s+[\w\s]+subsidiaries\)?)$",
    re.IGNORECASE)
_PAREN = re.compile(r"\s*[(（].*$")


class Party(NamedTuple):
    """A firm named in a cell: the name to key it by, and the raw text when it differs."""

    name: str
    alias: str | None


def clean_party(text: str) -> Party:
    """The firm's name without parenthesised notes or group qualifiers."""
    raw = " ".join(text.split())
    name = _PAREN.sub("", raw).strip() or raw
    while (stripped := _TRAILING.sub("", name).strip()) and stripped != name:
        name = stripped
    name = name.rstrip(" ,;") or raw
    return Party(name, raw if raw != name else None)


def split_parties(cell: str) -> list[Party]:
    """The parties of a `;`-separated cell, empty items and repeats dropped."""
    out: list[Party] = []
    for item in re.split(r"[;；]", cell):
        if item.strip():
            party = clean_party(item)
            if party.name not in {p.name for p in out}:
                out.append(party)
    return out


def party_node(party: Party, origin: Origin, source: str) -> NodeRecord:
    """The firm a party names: keyed by its name, the cell's full text kept as an alias, the
    country where the maker is known."""
    props: dict[str, Any] = {"name": party.name, "role": "firm", "source": source}
    if party.alias:
        props["aliases"] = [party.alias]
    if country := maker_country(party.name):
        props["country"] = country
    return NodeRecord("Organization", organization_key(party.name), props, origin, role="Firm")
