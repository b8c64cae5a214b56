"""How the graph model maps onto RDF terms: classes, relationship predicates, property specs.

The table is data, read both ways: the exporter picks `data_predicate` (an established term
where one means the same, else the ic: term); the importer accepts either spelling.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SDO, SKOS

from innochain.graph.schema import NODE_TYPES, ORGANIZATION_ROLES, REL_TYPES
from innochain.rdf.vocabulary import IC, camel

EXPORTED_LABELS: tuple[str, ...] = tuple(n.label for n in NODE_TYPES if n.label != "LoadRun")
"""LoadRun nodes record a store's own load history; they are not data and are not exported."""

LABEL_CLASS: dict[str, URIRef] = {n.label: IC[n.label] for n in NODE_TYPES}
ROLE_CLASS: dict[str, URIRef] = {role: IC[role] for role in ORGANIZATION_ROLES}
CLASS_LABEL: dict[URIRef, str] = {v: k for k, v in LABEL_CLASS.items()}
CLASS_ROLE: dict[URIRef, str] = {v: k for k, v in ROLE_CLASS.items()}

# Established classes written beside the ic: class so tools without reasoning see them too.
ALSO_TYPED: dict[str, tuple[URIRef, ...]] = {
    "Organization": (ORG.Organization,),
    "Chain": (SKOS.ConceptScheme,),
    "Segment": (SKOS.Concept,),
    "CPC": (SKOS.Concept,),
    "Industry": (SKOS.Concept,),
    "Person": (SDO.Person,),
}
KNOWN_EXTRA_TYPES: frozenset[URIRef] = frozenset(
    t for types in ALSO_TYPED.values() for t in types) | {ORG.Membership}

# Relationship types whose meaning an established property carries exactly.
_REL_ESTABLISHED: dict[str, URIRef] = {
    "MEMBER_OF": ORG.memberOf,
    "SUBSIDIARY_OF": ORG.subOrganizationOf,
    "CHILD_OF": SKOS.broader,
    "IN_CHAIN": SKOS.inScheme,
}
REL_TERM: dict[str, URIRef] = {r.type: IC[camel(r.type)] for r in REL_TYPES}
REL_PREDICATE: dict[str, URIRef] = {r: _REL_ESTABLISHED.get(r, t) for r, t in REL_TERM.items()}
PREDICATE_REL: dict[URIRef, str] = {
    **{t: r for r, t in REL_TERM.items()}, **{p: r for r, p in REL_PREDICATE.items()}}

KEY_PREDICATE = DCTERMS.identifier
"""Every node also states its key as a literal, so SPARQL can filter on ids without IRIs."""


@dataclass(frozen=True)
class PropertySpec:
    """One documented property: its ic: term, the predicate written, and its value kind.

    kinds: str, int, num (int or float), bool, date (xsd:date, or a string when partial),
    dateish (a year, a date or a string), scalar (str or number), list (an rdf:List of
    literals), source (an IRI under id/source/).
    """

    name: str
    term: URIRef
    predicate: URIRef
    kind: str
    lang: str | None = None


_KINDS: dict[str, tuple[str, ...]] = {
    "str": ("name", "name_en", "name_zh", "role", "country", "region", "size", "uscc", "park",
            "chain", "segment", "stage", "scheme", "title", "abstract", "jurisdiction", "kind",
            "application_number", "status", "family_id", "main_class", "technology", "model",
            "body", "forum", "forum_type", "case_number", "source_url", "basis", "product",
            "patent", "side", "note", "source_url_2"),
    "int": ("founded", "order", "year", "sequence", "rows_read", "rows_loaded",
            "rows_rejected"),
    "num": ("power_w", "weight", "share", "revenue_share", "seconds"),
    "bool": ("in_park", "synthetic", "main", "bifacial"),
    "date": ("filing_date", "publication_date", "grant_date", "date_filed", "date", "declared",
             "finished"),
    "dateish": ("since", "until"),
    "scalar": ("version", "level", "quantity"),  # quantity as published: "10.9万吨" or 1200
    "list": ("aliases", "patterns", "keywords", "technologies", "files", "link_ids",
             "source_urls"),
    "source": ("source",),
}
_ESTABLISHED: dict[str, URIRef] = {
    "name": SDO.name,
    "title": DCTERMS.title,
    "abstract": DCTERMS.abstract,
    "filing_date": DCTERMS.dateSubmitted,
    "publication_date": DCTERMS.issued,
    "grant_date": DCTERMS.dateAccepted,
    "source": PROV.hadPrimarySource,
}
_LANG: dict[str, str] = {"name_zh": "zh", "name_en": "en"}

PROPERTIES: dict[str, PropertySpec] = {
    name: PropertySpec(name, IC[camel(name)], _ESTABLISHED.get(name, IC[camel(name)]), kind,
                       _LANG.get(name))
    for kind, names in _KINDS.items() for name in names
}
PREDICATE_PROPERTY: dict[URIRef, PropertySpec] = {
    **{s.term: s for s in PROPERTIES.values()}, **{s.predicate: s for s in PROPERTIES.values()}}
