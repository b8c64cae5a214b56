"""Home countries of well-known PV makers, a small hand-made table.

None of the PV data sets states a firm's country. This table gives the headquarters country
of the best-known module, cell, wafer, polysilicon, inverter and material makers, as each
firm states it on its company website and in its annual report (hand-compiled for this
project, 2025). A name matches when its folded text contains one of the patterns; a name
that marks a local subsidiary ("GmbH", "USA", "Japan", "B.V." ...) gets no country, since the
subsidiary's country is not the group's.

>>> maker_country("Trina Solar (U.S.), Inc."), maker_country("Trina Solar Co., Ltd.")
(None, 'CN')
>>> maker_country("LONGi Green Energy Technology"), maker_country("Unknown Solar Ltd")
('CN', None)
"""

from __future__ import annotations

import re

MAKER_COUNTRY_SOURCE = "hand-made table: headquarters per company website / annual report"

# (pattern on the folded name, ISO 3166 alpha-2). Folded = lower case, letters and digits only.
MAKER_COUNTRIES: tuple[tuple[str, str], ...] = (
    ("trinasolar", "CN"), ("jinkosolar", "CN"), ("jasolar", "CN"), ("jingao", "CN"),
    ("longi", "CN"), ("gclsystem", "CN"), ("gclpoly", "CN"), ("gcltechnology", "CN"),
    ("ginlong", "CN"), ("growatt", "CN"), ("sungrow", "CN"), ("huaweitechnologies", "CN"),
    ("tongwei", "CN"), ("aikosolar", "CN"), ("risenenergy", "CN"), ("yingli", "CN"),
    ("suntechpower", "CN"), ("talesun", "CN"), ("astronergy", "CN"), ("chintsolar", "CN"),
    ("daqo", "CN"), ("runergy", "CN"), ("tbea", "CN"), ("xinyisolar", "CN"),
    ("flatglass", "CN"), ("tclzhonghuan", "CN"), ("zhonghuansemiconductor", "CN"),
    ("canadiansolar", "CA"), ("hanwha", "KR"), ("qcells", "KR"), ("ocico", "KR"),
    ("lgelectronics", "KR"), ("firstsolar", "US"), ("sunpower", "US"), ("enphase", "US"),
    ("maxeon", "SG"), ("recsolar", "NO"), ("recgroup", "NO"), ("solaredge", "IL"),
    ("smaamerica", "DE"), ("smasolar", "DE"), ("heraeus", "DE"), ("fronius", "AT"),
    ("waaree", "IN"), ("adani", "IN"), ("mundrasolar", "IN"), ("kyocera", "JP"),
    ("panasonic", "JP"), ("sharp", "JP"),
)
# Words that mark a local subsidiary of a group (the table gives the group's country).
_SUBSIDIARY_MARKERS = re.compile(
    r"\b(gmbh|b\.?v\.?|llc|u\.?s\.?a?\.?|america|americas|japan|europe|emea|netherlands|"
    r"germany|australia|trading|singapore|pte|canada|hong\s+kong)\b", re.IGNORECASE)


def fold_maker_name(name: str) -> str:
    """Lower case with everything but letters and digits removed ("Q CELLS" -> "qcells")."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def maker_country(name: str) -> str | None:
    """The group's home country when the name is a known maker's and not a subsidiary's."""
    if _SUBSIDIARY_MARKERS.search(name):
        return None
    folded = fold_maker_name(name)
    for pattern, country in MAKER_COUNTRIES:
        if pattern in folded:
            return country
    return None
