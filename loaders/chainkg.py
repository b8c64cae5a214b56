"""ChainKnowledgeGraph (A-share companies, Shenwan 2021 industries, products) -> the graph.

Use from ../shared/data only (no licence stated): never copy its rows into the project.
JSON Lines files, read one line at a time:

| file | becomes |
|---|---|
| industry.json | Industry `sw2021:<code>` {name, scheme shenwan2021, level 1-3 from the code} |
| industry_industry.json (上级行业) | Industry CHILD_OF Industry |
| company.json | Organization (Firm, CN) keyed by full name {name, fullname, code, aliases} |
| company_industry.json (所属行业) | Organization IN_INDUSTRY Industry |
| product.json | Product `chainkg:<name>` |
| company_product.json (主营产品) | Organization MAKES Product {revenue_share = weight, as given} |
| product_product.json | 上游材料: material FEEDS product; 下游产品: product FEEDS downstream; |
| | 产品小类: sub-type CHILD_OF type |

Product-to-product links are text-mined and noisy: they carry `source` `chainkg:text-mined`
(everything else `chainkg`) and the original `relation`, so queries can leave them out.
`industry_up.json` (industry co-occurrence counts, not ground truth) is not loaded.
Stock codes are written `600373.SH`; bare six-digit codes get the exchange from `location`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from innochain.errors import LoadError
from innochain.loaders.organization_ids import organization_key
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject

KIND = "chainkg"
DESCRIPTION = "ChainKnowledgeGraph JSON Lines: A-share firms, Shenwan 2021 industries, products"
SOURCE = "chainkg"
TEXT_MINED = "chainkg:text-mined"
FILE_ORDER = ("industry.json", "industry_industry.json", "company.json",
              "company_industry.json", "product.json", "company_product.json",
              "product_product.json")
EXCHANGES = {"上海证券交易所": "SH", "深圳证券交易所": "SZ"}
# product_product rel -> (relationship type, True when the edge runs to_entity -> from_entity)
PRODUCT_RELATIONS = {"上游材料": ("FEEDS", True), "下游产品": ("FEEDS", False),
                     "产品小类": ("CHILD_OF", True)}


def records(paths: list[Path]) -> Iterator[Record]:
    """Records of the chainkg files given (or of every known file in a folder given)."""
    files = _ordered_files(paths)
    keys: dict[Path, dict[str, str]] = {}  # company.json -> its stock code map, read once

    def keys_of(path: Path) -> dict[str, str]:
        company = path.with_name("company.json")
        if company not in keys:
            keys[company] = company_keys(company)
        return keys[company]

    handlers: dict[str, Callable[[Path], Iterator[Record]]] = {
        "industry.json": _industries, "industry_industry.json": _industry_links,
        "company.json": _companies,
        "company_industry.json": lambda path: _company_industries(path, keys_of(path)),
        "product.json": _products,
        "company_product.json": lambda path: _company_products(path, keys_of(path)),
        "product_product.json": _product_links}
    first: dict[tuple[str, str, str], Origin] = {}
    for path in files:
        handler = handlers.get(path.name)
        if handler is None:
            yield Reject(str(path), 0, "file", path.name,
                         f"not a chainkg file this loader reads ({', '.join(FILE_ORDER)})")
            continue
        for rec in handler(path):
            yield _once(rec, first)


def organization_records(paths: list[Path]) -> Iterator[Record]:
    """The records of `records(paths)` that hold organisations, in the same order: the rows
    of company.json only. Entity resolution's first pass needs no more, and decoding the
    other files (the 95k products and their links) twice cost seconds."""
    for path in _ordered_files(paths):
        if path.name == "company.json":
            yield from _companies(path)


def _once(rec: Record, first: dict[tuple[str, str, str], Origin]) -> Record:
    """An edge a second line gives again (e.g. 上游材料 and 下游产品 of one pair) becomes a
    reject naming the first line; a batch must never hold one edge twice."""
    if not isinstance(rec, EdgeRecord) or rec.origin is None:
        return rec
    edge = (rec.rel, rec.src, rec.dst)
    if edge in first and first[edge] != rec.origin:
        return Reject(rec.origin.file, rec.origin.line, rec.field_name, rec.dst,
                      f"the same {rec.rel} link as {Path(first[edge].file).name} line "
                      f"{first[edge].line} (written once)")
    first.setdefault(edge, rec.origin)
    return rec


def _ordered_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(path / name for name in FILE_ORDER if (path / name).exists())
        else:
            files.append(path)
    rank = {name: i for i, name in enumerate(FILE_ORDER)}
    return sorted(files, key=lambda p: rank.get(p.name, len(rank)))


def json_lines(path: Path) -> Iterator[tuple[Origin, dict[str, Any]] | Reject]:
    """(origin, object) per non-blank line, or a Reject for a line that is not a JSON object."""
    with path.open(encoding="utf-8-sig") as fh:
        try:
            for line_no, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield Reject(str(path), line_no, "line", line[:80], f"not JSON: {exc.msg}")
                    continue
                if not isinstance(obj, dict):
                    yield Reject(str(path), line_no, "line", line[:80], "not a JSON object")
                    continue
                if "\x00" in line or "\\u0000" in line:  # no store keeps a NUL in a text
                    yield Reject(str(path), line_no, "line", line[:80], "holds a NUL character")
                    continue
                yield Origin(str(path), line_no), obj
        except UnicodeDecodeError as exc:
            raise LoadError(f"{path}: not UTF-8 (byte {exc.start}); ChainKG files are UTF-8 "
                            "JSON Lines: save the file as UTF-8") from None


def _missing(obj: dict[str, Any], fields: tuple[str, ...]) -> str | None:
    return next((f for f in fields if not str(obj.get(f) or "").strip()), None)


def industry_id(code: str) -> str:
    """Industry node id of a Shenwan code (`sw2021:110100`)."""
    return f"sw2021:{code.strip()}"


def _level(code: str) -> int:
    """Shenwan levels from the code: 110000 level 1, 110100 level 2, 110101 level 3."""
    return 1 if code.endswith("0000") else 2 if code.endswith("00") else 3


def _industries(path: Path) -> Iterator[Record]:
    for item in json_lines(path):
        if isinstance(item, Reject):
            yield item
            continue
        origin, obj = item
        if field := _missing(obj, ("code", "name")):
            yield Reject(origin.file, origin.line, field, "", f"no industry {field}")
            continue
        code = str(obj["code"]).strip()
        yield NodeRecord("Industry", industry_id(code),
                         {"name": str(obj["name"]).strip(), "scheme": "shenwan2021", "code": code,
                          "level": _level(code), "source": SOURCE}, origin)


def _industry_links(path: Path) -> Iterator[Record]:
    for item in json_lines(path):
        if isinstance(item, Reject):
            yield item
            continue
        origin, obj = item
        if field := _missing(obj, ("from_code", "to_code")):
            yield Reject(origin.file, origin.line, field, "", "no industry code")
            continue
        yield EdgeRecord("CHILD_OF", "Industry", industry_id(str(obj["from_code"])), "Industry",
                         industry_id(str(obj["to_code"])), {"source": SOURCE}, origin,
                         field_name="to_code")


def stock_code(code: str, location: str = "") -> str:
    """`600373.SH`; a bare six-digit code takes its exchange from the location."""
    code = code.strip().upper()
    if "." not in code and location in EXCHANGES:
        code = f"{code}.{EXCHANGES[location]}"
    return code


def company_keys(path: Path) -> dict[str, str]:
    """Stock code -> organisation id, from company.json (first row of a code wins)."""
    keys: dict[str, str] = {}
    if not path.is_file():  # no company.json: every company_product row is a reject
        return keys
    for item in json_lines(path):
        if isinstance(item, Reject) or _missing(item[1], ("code", "fullname")):
            continue
        code = stock_code(str(item[1]["code"]), str(item[1].get("location", "")))
        try:
            keys.setdefault(code, organization_key(str(item[1]["fullname"])))
        except ValueError:  # a name of punctuation only: _companies rejects that row
            continue
    return keys


def _companies(path: Path) -> Iterator[Record]:
    first_line: dict[str, int] = {}
    for item in json_lines(path):
        if isinstance(item, Reject):
            yield item
            continue
        origin, obj = item
        if field := _missing(obj, ("code", "fullname", "name")):
            yield Reject(origin.file, origin.line, field, "", f"no company {field}")
            continue
        code = stock_code(str(obj["code"]), str(obj.get("location", "")))
        if code in first_line:
            yield Reject(origin.file, origin.line, "code", code,
                         f"stock code listed again (first at line {first_line[code]}, "
                         f"kept); this row names '{obj['fullname']}'")
            continue
        first_line[code] = origin.line
        fullname, name = str(obj["fullname"]).strip(), str(obj["name"]).strip()
        try:
            key = organization_key(fullname)
        except ValueError as exc:
            yield Reject(origin.file, origin.line, "fullname", fullname, str(exc))
            continue
        yield NodeRecord("Organization", key,
                         {"name": name, "fullname": fullname, "aliases": [fullname],
                          "code": code, "country": "CN", "role": "firm", "source": SOURCE},
                         origin, role="Firm")


def _company_industries(path: Path, keys: dict[str, str]) -> Iterator[Record]:
    for item in json_lines(path):
        if isinstance(item, Reject):
            yield item
            continue
        origin, obj = item
        code = stock_code(str(obj.get("company_code") or ""))
        if code not in keys:
            yield Reject(origin.file, origin.line, "company_code", code,
                         "company code not in company.json")
            continue
        yield EdgeRecord("IN_INDUSTRY", "Organization", keys[code], "Industry",
                         industry_id(str(obj.get("industry_code") or "")), {"source": SOURCE},
                         origin, field_name="industry_code")


def product_id(name: str) -> str:
    """Product node id of a chainkg product name."""
    return f"chainkg:{name.strip()}"


def _products(path: Path) -> Iterator[Record]:
    for item in json_lines(path):
        if isinstance(item, Reject):
            yield item
        elif _missing(item[1], ("name",)):
            yield Reject(item[0].file, item[0].line, "name", "", "no product name")
        else:
            name = str(item[1]["name"]).strip()
            yield NodeRecord("Product", product_id(name), {"name": name, "source": SOURCE},
                             item[0])


def _company_products(path: Path, keys: dict[str, str]) -> Iterator[Record]:
    first_line: dict[tuple[str, str], int] = {}
    for item in json_lines(path):
        if isinstance(item, Reject):
            yield item
            continue
        origin, obj = item
        code = stock_code(str(obj.get("company_code") or ""))
        product = str(obj.get("product_name") or "").strip()
        weight = obj.get("weight")
        problem = _company_product_problem(code in keys, code, product, weight)
        pair = (keys.get(code, ""), product)  # two codes of one firm (A/B shares) meet
        if problem is None and pair in first_line:
            problem = ("product_name", product, f"company and product listed again (first at "
                       f"line {first_line[pair]}, whose share is kept)")
        if problem:
            yield Reject(origin.file, origin.line, *problem)
            continue
        first_line[pair] = origin.line
        yield EdgeRecord("MAKES", "Organization", keys[code], "Product", product_id(product),
                         {"revenue_share": float(weight or 0), "source": SOURCE}, origin,
                         field_name="product_name")


def _company_product_problem(known: bool, code: str, product: str,
                             weight: Any) -> tuple[str, str, str] | None:
    if not known:
        return ("company_code", code, "company code not in company.json")
    if not product:
        return ("product_name", "", "no product name")
    if isinstance(weight, bool) or not isinstance(weight, int | float):
        return ("weight", str(weight), "revenue share is not a number")
    return None


def _product_links(path: Path) -> Iterator[Record]:
    for item in json_lines(path):
        if isinstance(item, Reject):
            yield item
            continue
        origin, obj = item
        rel = str(obj.get("rel") or "")
        a, b = str(obj.get("from_entity") or "").strip(), str(obj.get("to_entity") or "").strip()
        if rel not in PRODUCT_RELATIONS:
            yield Reject(origin.file, origin.line, "rel", rel,
                         f"unknown relation; expected one of {', '.join(PRODUCT_RELATIONS)}")
        elif not a or not b or a == b:
            yield Reject(origin.file, origin.line, "to_entity", b,
                         "a product linked to itself or to nothing")
        else:
            rel_type, reverse = PRODUCT_RELATIONS[rel]
            src, dst = (b, a) if reverse else (a, b)
            yield EdgeRecord(rel_type, "Product", product_id(src), "Product", product_id(dst),
                             {"source": TEXT_MINED, "relation": rel}, origin,
                             field_name="to_entity")
