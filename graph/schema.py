"""The graph model as data: node labels, their keys, relationship types and indexes.

Everything that writes to or indexes the graph reads this module, so a label or a
relationship type that is not declared here cannot be written (a typo fails at once).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NodeType:
    """A node label with its key property and the extra properties worth an index."""

    label: str
    key: str
    indexed: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class RelType:
    """A relationship type, the (source, target) label pairs it may join, and its identity.

    `key_props` are the relationship properties that, with the two endpoints, identify
    one relationship (so MERGE never makes parallel edges for one fact, and two
    licences of different patents between the same firms stay two edges).
    """

    type: str
    endpoints: tuple[tuple[str, str], ...]
    key_props: tuple[str, ...] = ()
    description: str = ""


ORGANIZATION_ROLES: tuple[str, ...] = ("Firm", "Institute", "Agency", "Government", "Alliance")

NODE_TYPES: tuple[NodeType, ...] = (
    NodeType("Organization", "id", ("name", "uscc", "country", "in_park"),
             "firm, institute, agency, government or alliance; one role label beside it"),
    NodeType("Park", "id", ("name",), "an industrial park"),
    NodeType("Chain", "id", (), "a chain template (产业链模板)"),
    NodeType("Segment", "id", ("chain", "stage"),
             "a segment of the chain (产业链环节); derive adds its patent counts "
             "(MATERIALISED_PROPERTIES)"),
    NodeType("Technology", "id", ("segment",), "a technology mapped to IPC/CPC patterns"),
    NodeType("CPC", "code", ("scheme", "level"), "a CPC or IPC class (scheme says which)"),
    NodeType("Patent", "id", ("year", "jurisdiction", "family_id", "source"),
             "a patent publication, id = normalised publication number"),
    NodeType("Industry", "id", ("name", "scheme"), "an industry classification entry"),
    NodeType("Product", "id", ("name",), "a product or product model"),
    NodeType("Standard", "id", (), "a technical standard"),
    NodeType("Person", "id", ("name",), "an inventor or expert (专家库)"),
    NodeType("Case", "id", ("year",), "a dispute: litigation, 337 investigation, opposition"),
    NodeType("LoadRun", "id", ("kind",), "one run of a loader: files, counts, rejects"),
)

_ORG = "Organization"
_ORG_PAIR = ((_ORG, _ORG),)

REL_TYPES: tuple[RelType, ...] = (
    RelType("OWNS", ((_ORG, "Patent"),)),
    RelType("INVENTED", (("Person", "Patent"),)),
    RelType("CLASSIFIED_AS", (("Patent", "CPC"),)),
    RelType("CITES", (("Patent", "Patent"),)),
    RelType("USES", (("Segment", "Technology"),)),
    RelType("MAPS_TO", (("Technology", "CPC"),)),
    RelType("MAKES", ((_ORG, "Product"),)),
    RelType("IN_SEGMENT", (("Product", "Segment"), ("Patent", "Segment"),
                           ("Technology", "Segment"))),
    RelType("IN_CHAIN", (("Segment", "Chain"),)),
    RelType("ACTIVE_IN", ((_ORG, "Segment"),)),
    RelType("SUPPLIES", _ORG_PAIR),
    RelType("LOCATED_IN", ((_ORG, "Park"),)),
    RelType("MEMBER_OF", _ORG_PAIR),
    RelType("LICENSED", _ORG_PAIR, ("patent",)),
    RelType("ESSENTIAL_TO", (("Patent", "Standard"),)),
    RelType("PARTY_TO", ((_ORG, "Case"),), ("side",)),
    RelType("ASSERTS", (("Case", "Patent"),)),
    RelType("SUBSIDIARY_OF", _ORG_PAIR),
    RelType("IN_INDUSTRY", ((_ORG, "Industry"), ("Product", "Industry"))),
    RelType("CHILD_OF", (("CPC", "CPC"), ("Industry", "Industry"), ("Product", "Product"))),
    RelType("FEEDS", (("Segment", "Segment"), ("Industry", "Industry"),
                      ("Product", "Product"))),
    RelType("COOPERATES_WITH", _ORG_PAIR),
    RelType("JOINT_VENTURE", _ORG_PAIR),
    RelType("INVESTS_IN", _ORG_PAIR),
    RelType("ACQUIRED", _ORG_PAIR),
    RelType("COMPETES_WITH", _ORG_PAIR),
)

# Written only by the derive step (loaders/segment_summaries.py), recomputed after every
# chain or patent load; a load that changes ownership, classes or in_park must be followed by
# derive (load_files does it). docs/graph-model.md, "Materialised values", says what each is.
# Materialised relationship types sit outside REL_TYPES: no loader writes them and the RDF
# export leaves them out (they are recomputed from the facts, not facts themselves).
MATERIALISED_REL_TYPES: tuple[RelType, ...] = (
    RelType("HOLDS_IN", ((_ORG, "Segment"),), (),
            "an organisation's patents in a segment {patents, weighted, years, first_year, "
            "park_citations}, one edge per holder and segment"),
    RelType("CITES_HOLDER", _ORG_PAIR, (),
            "how many times one organisation's patents cite another's, one edge per pair of "
            "distinct holders with a citation"),
    RelType("HOLDS_CLASS", ((_ORG, "CPC"),), (),
            "how many of an organisation's patents are classified in a class {patents}, one "
            "edge per holder and class"),
)
MATERIALISED_PROPERTIES: dict[str, tuple[str, ...]] = {
    "Patent": ("park_owned", "park_citations", "cited_by"),
    "Organization": ("patents", "segment_set_members", "segment_set_starts", "segment_set_ends",
                     "segment_set_patents"),
    "Person": ("park_linked",),
    "CPC": ("patents", "park_patents"),
    "Segment": ("patents", "patents_weighted", "park_patents_weighted", "known_weighted",
                "country_codes", "country_domestic_weighted", "country_foreign_weighted",
                "holders", "park_holders", "holder_weight_total", "holder_weight_squares",
                "trend_years", "trend_patents", "trend_weighted", "trend_park_weighted",
                "tech_ids", "tech_years", "tech_patents", "tech_park_patents"),
    "HOLDS_IN": ("patents", "weighted", "years", "first_year", "park_citations",
                 "outside_patents", "outside_countries"),
    "CITES_HOLDER": ("citations",),
    "HOLDS_CLASS": ("patents",),
}

NODES: dict[str, NodeType] = {n.label: n for n in NODE_TYPES}
RELS: dict[str, RelType] = {r.type: r for r in REL_TYPES}


@dataclass(frozen=True)
class Index:
    """One property index; `unique` indexes back a uniqueness constraint on the key."""

    label: str
    prop: str
    unique: bool = False


@dataclass(frozen=True)
class SchemaPlan:
    """What ensure_schema creates on any backend."""

    indexes: tuple[Index, ...] = field(default_factory=tuple)


def schema_plan() -> SchemaPlan:
    """Every key gets a unique index before the first MERGE (MERGE without one is quadratic)."""
    indexes: list[Index] = []
    for node in NODE_TYPES:
        indexes.append(Index(node.label, node.key, unique=True))
        indexes.extend(Index(node.label, prop) for prop in node.indexed)
    return SchemaPlan(tuple(indexes))


def node_type(label: str) -> NodeType:
    """The declared node type, or a KeyError naming the labels that exist."""
    try:
        return NODES[label]
    except KeyError:
        raise KeyError(f"unknown node label {label!r}; declared: {', '.join(NODES)}") from None


def rel_type(name: str) -> RelType:
    """The declared relationship type, or a KeyError naming the types that exist."""
    try:
        return RELS[name]
    except KeyError:
        raise KeyError(f"unknown relationship type {name!r}; declared: {', '.join(RELS)}") from None
