"""The InnoChain vocabulary as a closed rdflib namespace, so a typo in a term fails at once.

Namespace IRI: ``https://w3id.org/innochain/vocab#`` (prefix ``ic:``); node IRIs live under
``https://w3id.org/innochain/id/`` (see `innochain.rdf.iris`). The published Turtle is
``innochain/rdf/innochain.ttl``; a test checks that it and `IC` list the same terms.

Terms: a class for every node label and role label of `innochain.graph.schema`, a property
for every relationship type (lower camel case: ``IN_SEGMENT`` -> ``ic:inSegment``) and for
every node or relationship property of docs/graph-model.md (``name_en`` -> ``ic:nameEn``).
Where an established vocabulary has the same meaning, the Turtle declares the ic: term
``owl:equivalentProperty`` to it and the exported data uses the established term
(`innochain.rdf.mapping` says which); the importer accepts either spelling.

Relationships with properties (representation decision): every edge is written as a plain
triple ``<src> ic:supplies <dst>`` so SPARQL stays simple, and an edge that carries any
property (its ``source`` included) is also reified as a node of the W3C RDF reification
vocabulary, one per edge, with a stable IRI under ``id/rel/``::

    <id/rel/supplies/9f2c...> a rdf:Statement ; rdf:subject <src> ; rdf:predicate ic:supplies ;
        rdf:object <dst> ; ic:product "wafer" ; ic:since 2019 ;
        prov:hadPrimarySource <id/source/template%3Asupply> .

``source`` counts as a property because the round trip must be exact: reifying only edges with
properties other than ``source`` would drop the source of every other edge. ``MEMBER_OF``
statements are also typed ``org:Membership`` with ``org:member``/``org:organization``, the
qualified form W3C ORG defines. Two licences of different patents between the same firms are
one plain triple and two statements (the ``patent`` key property tells them apart). RDF-star
is not used: it is not portable across stores and formats.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

VOCAB_IRI = "https://w3id.org/innochain/vocab#"
ID_BASE = "https://w3id.org/innochain/id/"


class IC(DefinedNamespace):
    """InnoChain terms: classes (node and role labels), then relationship and value properties."""

    _NS = Namespace(VOCAB_IRI)
    _fail = True

    # classes: node labels
    Organization: URIRef
    Park: URIRef
    Chain: URIRef
    Segment: URIRef
    Technology: URIRef
    CPC: URIRef
    Patent: URIRef
    Industry: URIRef
    Product: URIRef
    Standard: URIRef
    Person: URIRef
    Case: URIRef
    LoadRun: URIRef
    # classes: organisation role labels
    Firm: URIRef
    Institute: URIRef
    Agency: URIRef
    Government: URIRef
    Alliance: URIRef

    # relationship types
    owns: URIRef
    invented: URIRef
    classifiedAs: URIRef
    cites: URIRef
    uses: URIRef
    mapsTo: URIRef
    makes: URIRef
    inSegment: URIRef
    inChain: URIRef
    activeIn: URIRef
    supplies: URIRef
    locatedIn: URIRef
    memberOf: URIRef
    licensed: URIRef
    essentialTo: URIRef
    partyTo: URIRef
    asserts: URIRef
    subsidiaryOf: URIRef
    inIndustry: URIRef
    childOf: URIRef
    feeds: URIRef
    cooperatesWith: URIRef
    jointVenture: URIRef
    investsIn: URIRef
    acquired: URIRef
    competesWith: URIRef

    # node and relationship properties
    name: URIRef
    nameEn: URIRef
    nameZh: URIRef
    aliases: URIRef
    role: URIRef
    country: URIRef
    region: URIRef
    founded: URIRef
    size: URIRef
    uscc: URIRef
    inPark: URIRef
    park: URIRef
    source: URIRef
    synthetic: URIRef
    chain: URIRef
    version: URIRef
    segment: URIRef
    stage: URIRef
    order: URIRef
    patterns: URIRef
    keywords: URIRef
    scheme: URIRef
    title: URIRef
    level: URIRef
    abstract: URIRef
    jurisdiction: URIRef
    kind: URIRef
    applicationNumber: URIRef
    filingDate: URIRef
    publicationDate: URIRef
    grantDate: URIRef
    year: URIRef
    status: URIRef
    familyId: URIRef
    mainClass: URIRef
    technology: URIRef
    model: URIRef
    powerW: URIRef
    body: URIRef
    dateFiled: URIRef
    forum: URIRef
    forumType: URIRef
    caseNumber: URIRef
    sourceUrl: URIRef
    files: URIRef
    rowsRead: URIRef
    rowsLoaded: URIRef
    rowsRejected: URIRef
    finished: URIRef
    seconds: URIRef
    sequence: URIRef
    main: URIRef
    weight: URIRef
    technologies: URIRef
    basis: URIRef
    product: URIRef
    since: URIRef
    until: URIRef
    quantity: URIRef
    patent: URIRef
    date: URIRef
    declared: URIRef
    side: URIRef
    share: URIRef
    revenueShare: URIRef
    bifacial: URIRef
    note: URIRef
    sourceUrl2: URIRef
    sourceUrls: URIRef
    linkIds: URIRef


def camel(name: str) -> str:
    """`IN_SEGMENT` -> `inSegment`, `name_en` -> `nameEn`: how graph names become ic: terms."""
    head, *rest = name.lower().split("_")
    return head + "".join(part.capitalize() for part in rest)


def term_names() -> list[str]:
    """Every term the closed namespace declares, in declaration order."""
    return list(IC.__annotations__)
