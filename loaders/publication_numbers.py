"""Patent publication and application numbers in one canonical spelling.

A Patent node's id is its normalised publication number: country code, number, kind code,
no separators, upper case.

>>> normalise_publication_number("CN 114123456 A")
'CN114123456A'
>>> normalise_publication_number("US 9,893,215 B2")
'US9893215B2'
>>> normalise_publication_number("EP 2 220 689")
'EP2220689'
>>> normalise_application_number("ZL 2019 1 0123456.7")
'CN201910123456.7'
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# Separators people and offices put inside numbers: spaces, commas, dashes, dots, slashes.
_SEPARATORS = re.compile(r"[\s,.\-/_'’·]+")
# US numbers may carry a series letter: D (design), RE (reissue), PP (plant), H, T.
_PUBLICATION = re.compile(r"^([A-Z]{2})((?:RE|PP|AI|[DHTX])?\d{3,13})([A-Z]\d?)?$")
_CN_APPLICATION = re.compile(r"^(?:CN|ZL)?(\d{8}|\d{12})([0-9X])$")
_APPLICATION = re.compile(r"^([A-Z]{2})([A-Z]{0,2}\d{4,14}[A-Z0-9]?)$")


class PublicationNumber(NamedTuple):
    """The parts of a publication number; `kind` is '' when the source gave none."""

    country: str
    number: str
    kind: str

    def __str__(self) -> str:
        return f"{self.country}{self.number}{self.kind}"


def _fold(raw: object, what: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError(f"empty {what}")
    return unicodedata.normalize("NFKC", raw).strip().upper()


def parse_publication_number(raw: str) -> PublicationNumber:
    """Split a publication number into country, number and kind; ValueError with a reason."""
    text = _fold(raw, "publication number")
    compact = _SEPARATORS.sub("", text)
    if compact.startswith("ZL"):
        raise ValueError(f"'{raw}' is a Chinese patent (application) number (ZL...), not a "
                         "publication number; give the 公开(公告)号 such as CN114123456A")
    match = _PUBLICATION.match(compact)
    if not match:
        raise ValueError(f"'{raw}' is not a publication number (expected a country code, "
                         "digits and an optional kind code, e.g. CN114123456A, US9893215B2)")
    country, number, kind = match.group(1), match.group(2), match.group(3) or ""
    if number[0].isdigit() and country != "WO":
        number = number.lstrip("0") or "0"  # "US 09893215" and "US9893215" are one patent
    return PublicationNumber(country, number, kind)


def normalise_publication_number(raw: str) -> str:
    """`'CN 114123456 A'` -> `'CN114123456A'`; ValueError saying why when it is not one."""
    return str(parse_publication_number(raw))


def normalise_application_number(raw: str, country: str | None = None) -> str:
    """Application numbers: Chinese ones as `CN201910123456.7` (check digit after the dot),
    others as country + digits (`US 16/123,456` -> `US16123456`)."""
    text = _fold(raw, "application number")
    compact = _SEPARATORS.sub("", text)
    if not compact[:2].isalpha() and country:
        compact = country.upper() + compact
    cn = _CN_APPLICATION.match(compact)
    if cn and (compact[:2] in ("CN", "ZL") or country in (None, "CN")):
        return f"CN{cn.group(1)}.{cn.group(2)}"
    match = _APPLICATION.match(compact)
    if not match:
        raise ValueError(f"'{raw}' is not an application number (expected e.g. "
                         "CN201910123456.7, ZL 2019 1 0123456.7 or US16123456)")
    return match.group(1) + match.group(2)


def kind_of(publication_id: str) -> str:
    """The kind code of a normalised publication number ('' when it has none)."""
    return parse_publication_number(publication_id).kind
