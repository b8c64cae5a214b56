"""Apple's supplier facility lists 2012-2022 -> supplier firms and SUPPLIES to Apple.

One row per facility and year (`year,supplier_name,country_area,country,supplier_address`,
UTF-8 with BOM). Names are not normalised across years: suppliers are keyed by
`organization_key`, so spellings that normalise alike meet in one node (its name is the
latest year's spelling; the others are aliases). The file gives facility countries, not
home countries: a supplier gets `country` only when all its facilities are in one country.
SUPPLIES supplier->Apple carries `since` (first year listed), `until` and `years`.
Data: CommonWealth Magazine data repository, MIT.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from innochain.loaders.field_parsing import FieldError, parse_year
from innochain.loaders.organization_ids import organization_key
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject
from innochain.loaders.tabular import ColumnError, ColumnSpec, read_table, typed_row

KIND = "apple-suppliers"
DESCRIPTION = "Apple supplier facility lists 2012-2022 (CSV): suppliers and SUPPLIES to Apple"
SOURCE = "apple-suppliers"
APPLE_NAME = "Apple"
COLUMNS = (ColumnSpec("year", required=True), ColumnSpec("supplier_name", required=True),
           ColumnSpec("country_area"), ColumnSpec("country", required=True),
           ColumnSpec("supplier_address"))
# Every country spelling in the file -> ISO 3166-1 alpha-2 (Taiwan, Hong Kong and Puerto
# Rico have their own ISO codes).
COUNTRIES: dict[str, str] = {
    "China": "CN", "Japan": "JP", "USA": "US", "Taiwan": "TW", "Korea": "KR", "Malaysia": "MY",
    "Philippines": "PH", "Thailand": "TH", "Vietnam": "VN", "Singapore": "SG",
    "Germany": "DE", "India": "IN", "Mexico": "MX", "Indonesia": "ID", "United Kingdom": "GB",
    "France": "FR", "Israel": "IL", "Brazil": "BR", "Netherlands": "NL", "Austria": "AT",
    "Czech": "CZ", "Belgium": "BE", "Italy": "IT", "Ireland": "IE", "Costa Rica": "CR",
    "Malta": "MT", "Cambodia": "KH", "Morocco": "MA", "Norway": "NO", "Portugal": "PT",
    "Australia": "AU", "Hungary": "HU", "Hong Kong": "HK", "Finland": "FI", "Canada": "CA",
    "Poland": "PL", "Mauritius": "MU", "Puerto Rico": "PR", "Spain": "ES",
}


@dataclass
class _Supplier:
    names: dict[str, int] = field(default_factory=dict)  # spelling -> latest year seen
    countries: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)

    def node_props(self) -> dict[str, Any]:
        name = max(self.names, key=lambda n: (self.names[n], n))
        props: dict[str, Any] = {"name": name, "role": "firm", "source": SOURCE}
        if others := sorted(set(self.names) - {name}):
            props["aliases"] = others
        if len(self.countries) == 1:
            props["country"] = next(iter(self.countries))
        return props

    def edge_props(self) -> dict[str, Any]:
        years = sorted(self.years)
        return {"since": years[0], "until": years[-1], "years": years, "source": SOURCE}


def records(paths: list[Path]) -> Iterator[Record]:
    """Records of each supplier list given; each row yields its supplier and its link."""
    for path in paths:
        suppliers: dict[str, _Supplier] = {}
        rows: list[tuple[Origin, str]] = []
        for item in read_table(path, COLUMNS):
            if isinstance(item, Reject):
                yield item
                continue
            line, row = item
            try:
                key, year, country = _parse(row)
            except ColumnError as exc:
                yield exc.reject(str(path), line)
                continue
            entry = suppliers.setdefault(key, _Supplier())
            name = row["supplier_name"]
            entry.names[name] = max(year, entry.names.get(name, year))
            entry.countries.add(country)
            entry.years.add(year)
            rows.append((Origin(str(path), line), key))
        yield from _records_of(rows, suppliers)


def _parse(row: dict[str, str]) -> tuple[str, int, str]:
    """(key, year, country) of a row; ColumnError naming the cell that cannot be read."""
    typed_row(row, COLUMNS)  # ColumnError for a required cell left empty
    try:
        year = parse_year(row["year"])
    except FieldError as exc:
        raise ColumnError("year", row["year"], str(exc)) from None
    country = COUNTRIES.get(row["country"])
    if country is None:
        raise ColumnError("country", row["country"], "country not in this loader's table of "
                          "the file's countries; add it to apple_suppliers.COUNTRIES")
    try:
        key = organization_key(row["supplier_name"])
    except ValueError as exc:
        raise ColumnError("supplier_name", row["supplier_name"], str(exc)) from None
    return key, year, country


def _records_of(rows: list[tuple[Origin, str]],
                suppliers: dict[str, _Supplier]) -> Iterator[Record]:
    apple = organization_key(APPLE_NAME)
    linked: set[str] = set()  # one record per edge: a batch holding it twice loses one
    for origin, key in rows:
        entry = suppliers[key]
        yield NodeRecord("Organization", apple, {"name": APPLE_NAME, "role": "firm",
                                                  "country": "US", "source": SOURCE},
                         origin, role="Firm")
        yield NodeRecord("Organization", key, entry.node_props(), origin, role="Firm")
        if key != apple and key not in linked:  # Apple lists its own facilities too
            linked.add(key)
            yield EdgeRecord("SUPPLIES", "Organization", key, "Organization", apple,
                             entry.edge_props(), origin, field_name="supplier_name")
