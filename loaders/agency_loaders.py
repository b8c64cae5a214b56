"""Loaders for the agency's templates: organisations and the links between them.

Organisations named in a link template are turned into node ids with
`innochain.loaders.organization_ids.reference_key`; a link to an organisation that is not in
the graph becomes a reject in `run_load` (the edge names its column), never a new node.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from innochain.loaders import agency_templates as T
from innochain.loaders.load_context import LoadContext
from innochain.loaders.organization_ids import normalise_uscc, organization_key, reference_key
from innochain.loaders.publication_numbers import normalise_publication_number
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject
from innochain.loaders.tabular import ColumnError, read_table, typed_row

Build = Callable[[dict[str, Any], Origin, LoadContext], Iterator[Record]]
# Words people write where a patent number is not known; they are not errors.
# Ids of generated demo patents: never a real publication number, so kept as written.
SYNTHETIC_ID = re.compile(r"^SYN-[A-Z]{2}-\d+$")
NOT_DISCLOSED = frozenset({"not disclosed", "n/a", "na", "none", "unknown", "未披露", "无", "-"})


def _source(template: T.Template) -> str:
    return f"template:{template.kind}"


def _template_records(paths: Sequence[Path], template: T.Template, context: LoadContext,
                      build: Build) -> Iterator[Record]:
    """Read each file, parse each row by column type, and let `build` make its records."""
    for path in paths:
        for item in read_table(path, template.columns, template=template.path):
            if isinstance(item, Reject):
                yield item
                continue
            line, raw = item
            try:
                records = list(build(typed_row(raw, template.columns), Origin(str(path), line),
                                     context))
            except ColumnError as exc:
                yield exc.reject(str(path), line)
                continue
            yield from records


def _choice(values: Mapping[str, Any], field: str, choices: Mapping[str, str],
            default: str | None = None) -> str | None:
    text = values.get(field)
    if text is None:
        return default
    found = choices.get(str(text).strip().lower()) or choices.get(str(text).strip())
    if found is None:
        allowed = sorted(set(choices.values()))
        raise ColumnError(field, str(text), f"'{text}' is not one of {', '.join(allowed)}")
    return found


def _org_ref(values: Mapping[str, Any], field: str, context: LoadContext) -> str:
    try:
        return reference_key(str(values[field]), context.known_organizations)
    except ValueError as exc:
        raise ColumnError(field, str(values[field]), str(exc)) from None


def _patent_ref(field: str, text: str) -> str | None:
    if text.strip().lower() in NOT_DISCLOSED:
        return None
    if SYNTHETIC_ID.match(text.strip()):
        return text.strip()  # a generated demo patent (loaders/synthetic_patents.py)
    try:
        return normalise_publication_number(text)
    except ValueError as exc:
        raise ColumnError(field, text, str(exc)) from None


def _props(**values: Any) -> dict[str, Any]:
    """Properties without the absent ones (the contract: missing values are absent)."""
    return {k: v for k, v in values.items() if v is not None and v != [] and v != ""}


# -- organisations ------------------------------------------------------------------------------
def _country(values: Mapping[str, Any]) -> str | None:
    text = values.get("country")
    if text is None:
        return None
    code = T.COUNTRIES.get(text, text.upper())
    if len(code) != 2 or not code.isalpha():
        raise ColumnError("country", text, f"'{text}' is not an ISO 3166 two-letter code (CN, US)")
    return code


def _organization(values: dict[str, Any], origin: Origin, context: LoadContext) -> NodeRecord:
    role = _choice(values, "role", T.ROLES, "firm")
    uscc = values.get("uscc")
    try:
        uscc = normalise_uscc(uscc) if uscc else None
    except ValueError as exc:
        raise ColumnError("uscc", str(values["uscc"]), str(exc)) from None
    key = values.get("id")
    if key is not None and not key.startswith(("org:", "uscc:")):
        raise ColumnError("id", key, "an id must be uscc:<code> or org:<name key>; leave it "
                          "empty to derive it from uscc and name")
    if key is None:
        try:
            key = organization_key(values["name"], uscc=uscc)
        except ValueError as exc:
            raise ColumnError("name", values["name"], str(exc)) from None
    props = _props(name=values["name"], name_en=values.get("name_en"),
                   aliases=values.get("aliases"), role=role, country=_country(values),
                   region=values.get("region"), founded=values.get("founded"),
                   size=_choice(values, "size", T.SIZES), uscc=uscc,
                   in_park=values.get("in_park"), park=values.get("park"),
                   note=values.get("note"), source=_source(T.ORGANIZATIONS))
    assert role is not None
    return NodeRecord("Organization", key, props, origin, role=role.capitalize())


def _located_in(node: NodeRecord, origin: Origin, context: LoadContext) -> Iterator[Record]:
    """LOCATED_IN to the row's park when that park is loaded; the `park` property stays
    either way, so organisations loaded before their park lose nothing but the edge."""
    park = node.props.get("park")
    if park is not None and park in context.parks:
        yield EdgeRecord("LOCATED_IN", "Organization", node.key, "Park", park,
                         {"source": _source(T.ORGANIZATIONS)}, origin, field_name="park")


def load_organizations(paths: Sequence[Path], context: LoadContext) -> Iterator[Record]:
    """Organisations; an id repeated in one file with different values rejects the later row."""
    first: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}

    def build(values: dict[str, Any], origin: Origin, ctx: LoadContext) -> Iterator[Record]:
        node = _organization(values, origin, ctx)
        seen = first.setdefault((origin.file, node.key), (origin.line, node.props))
        if seen[0] != origin.line and seen[1] != node.props:
            yield Reject(origin.file, origin.line, "id", node.key,
                         f"duplicate id {node.key} with different values, first at line "
                         f"{seen[0]}; merge the two rows")
            return
        yield node
        yield from _located_in(node, origin, ctx)

    yield from _template_records(paths, T.ORGANIZATIONS, context, build)


def load_parks(paths: Sequence[Path], context: LoadContext) -> Iterator[Record]:
    """Park nodes {name, name_en, country, region, chain}; load them before organisations."""
    def build(values: dict[str, Any], origin: Origin, ctx: LoadContext) -> Iterator[Record]:
        yield NodeRecord("Park", values["id"], _props(
            name=values["name"], name_en=values.get("name_en"), country=_country(values),
            region=values.get("region"), chain=values.get("chain"),
            source=_source(T.PARKS)), origin)

    yield from _template_records(paths, T.PARKS, context, build)


# -- links between organisations ------------------------------------------------------------
def _org_edge(rel: str, values: Mapping[str, Any], fields: tuple[str, str], origin: Origin,
              context: LoadContext, props: dict[str, Any],
              rkey: dict[str, Any] | None = None) -> list[EdgeRecord]:
    """One edge between two named organisations; a reject names the column that is unknown."""
    src, dst = (_org_ref(values, f, context) for f in fields)
    return [EdgeRecord(rel, "Organization", src, "Organization", dst, props, origin, rkey,
                       field_name=fields[1], src_field=fields[0])]


def load_supply_links(paths: Sequence[Path], context: LoadContext) -> Iterator[Record]:
    """SUPPLIES supplier -> customer {product, since, until, quantity, source_url}."""
    def build(values: dict[str, Any], origin: Origin, ctx: LoadContext) -> Iterator[Record]:
        props = _props(product=values.get("product"), since=values.get("since"),
                       until=values.get("until"), quantity=values.get("quantity"),
                       source_url=values.get("source_url"), source=_source(T.SUPPLY_LINKS))
        yield from _org_edge("SUPPLIES", values, ("supplier", "customer"), origin, ctx, props)

    yield from _template_records(paths, T.SUPPLY_LINKS, context, build)


def load_licences(paths: Sequence[Path], context: LoadContext) -> Iterator[Record]:
    """LICENSED licensor -> licensee {patent, kind, date}, one edge per patent."""
    def build(values: dict[str, Any], origin: Origin, ctx: LoadContext) -> Iterator[Record]:
        patent = _patent_ref("patent", values["patent"])
        if patent is None:
            raise ColumnError("patent", values["patent"], "a licence needs the patent's number")
        date = values.get("date")
        props = _props(patent=patent, kind=_choice(values, "kind", T.LICENCE_KINDS, "license"),
                       date=date, year=int(date[:4]) if date else None,
                       source=_source(T.LICENCES))
        yield from _org_edge("LICENSED", values, ("licensor", "licensee"), origin, ctx, props,
                             {"patent": patent})

    yield from _template_records(paths, T.LICENCES, context, build)


def load_alliances(paths: Sequence[Path], context: LoadContext) -> Iterator[Record]:
    """MEMBER_OF member -> alliance {role, since}."""
    def build(values: dict[str, Any], origin: Origin, ctx: LoadContext) -> Iterator[Record]:
        props = _props(role=values.get("role"), since=values.get("since"),
                       source=_source(T.ALLIANCES))
        yield from _org_edge("MEMBER_OF", values, ("member", "alliance"), origin, ctx, props)

    yield from _template_records(paths, T.ALLIANCES, context, build)


# -- standards, cases, products -------------------------------------------------------------
def load_standards(paths: Sequence[Path], context: LoadContext) -> Iterator[Record]:
    """Standard nodes, and ESSENTIAL_TO Patent -> Standard {declared} when a patent is named."""
    def build(values: dict[str, Any], origin: Origin, ctx: LoadContext) -> Iterator[Record]:
        std = values["standard"]
        yield NodeRecord("Standard", std, _props(name=values.get("name"), body=values.get("body"),
                                                  year=values.get("year"),
                                                  source=_source(T.STANDARDS)), origin)
        patent = _patent_ref("patent", values["patent"]) if "patent" in values else None
        if patent is not None:
            yield EdgeRecord("ESSENTIAL_TO", "Patent", patent, "Standard", std,
                             _props(declared=values.get("declared"),
                                    source=_source(T.STANDARDS)),
                             origin, field_name="standard", src_field="patent")

    yield from _template_records(paths, T.STANDARDS, context, build)


def _case_node(values: dict[str, Any], origin: Origin) -> NodeRecord:
    date = values.get("date_filed")
    year = values.get("year_filed") or (int(date[:4]) if date else None)
    return NodeRecord("Case", values["case_id"], _props(
        title=values.get("title"), year=year, date_filed=date, forum=values.get("forum"),
        jurisdiction=values.get("jurisdiction"), case_number=values.get("case_number"),
        technology=values.get("technology"), status=values.get("status"),
        source_url=values.get("source_url"), source=_source(T.CASES)), origin)


def load_cases(paths: Sequence[Path], context: LoadContext) -> Iterator[Record]:
    """Case nodes, PARTY_TO {side} from each plaintiff and defendant, ASSERTS -> Patent."""
    source = _source(T.CASES)

    def build(values: dict[str, Any], origin: Origin, ctx: LoadContext) -> Iterator[Record]:
        case = _case_node(values, origin)
        records: list[Record] = [case]
        for field, side in (("plaintiffs", "plaintiff"), ("defendants", "defendant")):
            for name in values.get(field, []):
                party = _org_ref({field: name}, field, ctx)
                records.append(EdgeRecord("PARTY_TO", "Organization", party, "Case", case.key,
                                          {"side": side, "source": source}, origin,
                                          {"side": side}, field_name="case_id",
                                          src_field=field))
        for text in values.get("asserted_patents", []):
            patent = _patent_ref("asserted_patents", text)
            if patent is not None:
                records.append(EdgeRecord("ASSERTS", "Case", case.key, "Patent", patent,
                                          {"source": source}, origin,
                                          field_name="asserted_patents"))
        yield from records

    yield from _template_records(paths, T.CASES, context, build)


def load_products(paths: Sequence[Path], context: LoadContext) -> Iterator[Record]:
    """Product nodes, MAKES firm -> Product, IN_SEGMENT Product -> Segment when given."""
    source = _source(T.PRODUCTS)

    def build(values: dict[str, Any], origin: Origin, ctx: LoadContext) -> Iterator[Record]:
        firm = _org_ref(values, "firm", ctx)
        product = values["product"]
        yield NodeRecord("Product", product, _props(name=values.get("name"),
                                                    technology=values.get("technology"),
                                                    source=source), origin)
        yield EdgeRecord("MAKES", "Organization", firm, "Product", product, {"source": source},
                         origin, field_name="product", src_field="firm")
        if "segment" in values:
            yield EdgeRecord("IN_SEGMENT", "Product", product, "Segment", values["segment"],
                             {"source": source}, origin, field_name="segment")

    yield from _template_records(paths, T.PRODUCTS, context, build)
