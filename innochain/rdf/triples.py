"""One node or one relationship of the graph as RDF triples in the InnoChain vocabulary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, Graph, Literal
from rdflib.namespace import ORG

from innochain.graph.schema import NODES, ORGANIZATION_ROLES, RELS
from innochain.rdf.iris import edge_iri, node_iri
from innochain.rdf.literals import contract_breach, encode_value
from innochain.rdf.mapping import (
    ALSO_TYPED,
    KEY_PREDICATE,
    LABEL_CLASS,
    PROPERTIES,
    REL_PREDICATE,
    ROLE_CLASS,
)


@dataclass
class ExportStats:
    """What an export wrote, and what it could not express in the vocabulary."""

    nodes: int = 0
    edges: int = 0
    triples: int = 0
    undocumented: Counter[str] = field(default_factory=Counter)  # "Label.prop" -> values skipped
    breaches: Counter[str] = field(default_factory=Counter)  # "Label.prop: why" -> values
    seconds: float = 0.0

    def warnings(self) -> list[str]:
        """One line per kind of value that will not come back exactly on import."""
        lines = [f"skipped {n} value(s) of undocumented property {name}"
                 for name, n in sorted(self.undocumented.items())]
        lines += [f"{n} value(s) break the documented type ({why}); import will refuse them"
                  for why, n in sorted(self.breaches.items())]
        return lines


def _add_properties(graph: Graph, subject: Any, owner: str, props: Mapping[str, Any],
                    stats: ExportStats) -> None:
    for name in sorted(props):
        value = props[name]
        spec = PROPERTIES.get(name)
        if value is None:
            continue
        if spec is None:
            stats.undocumented[f"{owner}.{name}"] += 1
            continue
        why = contract_breach(value, spec)
        if why:
            stats.breaches[f"{owner}.{why}"] += 1
        graph.add((subject, spec.predicate, encode_value(graph, value, spec)))


def add_node(graph: Graph, label: str, key: str, labels: Iterable[str],
             props: Mapping[str, Any], stats: ExportStats) -> None:
    """Types (node label, role labels, established classes), key and properties of one node."""
    subject = node_iri(label, key)
    graph.add((subject, RDF.type, LABEL_CLASS[label]))
    for extra in ALSO_TYPED.get(label, ()):
        graph.add((subject, RDF.type, extra))
    for role in sorted(set(labels) & set(ORGANIZATION_ROLES)):
        graph.add((subject, RDF.type, ROLE_CLASS[role]))
    graph.add((subject, KEY_PREDICATE, Literal(str(key))))
    key_name = NODES[label].key
    _add_properties(graph, subject, label, {k: v for k, v in props.items() if k != key_name},
                    stats)
    stats.nodes += 1


def add_edge(graph: Graph, rel: str, src: tuple[str, str], dst: tuple[str, str],
             props: Mapping[str, Any], stats: ExportStats) -> None:
    """The plain triple, and a reified rdf:Statement when the edge carries any property."""
    src_iri, dst_iri = node_iri(*src), node_iri(*dst)
    predicate = REL_PREDICATE[rel]
    graph.add((src_iri, predicate, dst_iri))
    stats.edges += 1
    present = {k: v for k, v in props.items() if v is not None}
    if not present:
        return
    rkey = tuple(str(present.get(k, "")) for k in RELS[rel].key_props)
    statement = edge_iri(rel, src_iri, dst_iri, rkey)
    graph.add((statement, RDF.type, RDF.Statement))
    graph.add((statement, RDF.subject, src_iri))
    graph.add((statement, RDF.predicate, predicate))
    graph.add((statement, RDF.object, dst_iri))
    if rel == "MEMBER_OF":  # the qualified form W3C ORG itself defines
        graph.add((statement, RDF.type, ORG.Membership))
        graph.add((statement, ORG.member, src_iri))
        graph.add((statement, ORG.organization, dst_iri))
    _add_properties(graph, statement, rel, present, stats)
