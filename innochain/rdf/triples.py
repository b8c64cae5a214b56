"""One node or one relationship of the graph as blocks of RDF statements in the vocabulary.

A `Block` is one subject (an IRI) and its (predicate, object) pairs, in light terms
(`innochain.rdf.terms`); the writers in `innochain.rdf.serializers` spell blocks in each format.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple
from urllib.parse import quote

from rdflib.namespace import ORG

from innochain.graph.schema import MATERIALISED_PROPERTIES, NODES, ORGANIZATION_ROLES, RELS
from innochain.rdf.iris import edge_iri_text
from innochain.rdf.literals import contract_breach, encode_value
from innochain.rdf.mapping import (
    ALSO_TYPED,
    KEY_PREDICATE,
    LABEL_CLASS,
    PROPERTIES,
    REL_PREDICATE,
    ROLE_CLASS,
)
from innochain.rdf.terms import RDF_NS, RDF_STATEMENT, RDF_TYPE, Iri, Lit, Obj
from innochain.rdf.vocabulary import ID_BASE

_RDF_SUBJECT, _RDF_PREDICATE, _RDF_OBJECT = RDF_NS + "subject", RDF_NS + "predicate", \
    RDF_NS + "object"
_ORG_MEMBER, _ORG_ORGANIZATION = str(ORG.member), str(ORG.organization)
_MEMBERSHIP = Iri(ORG.Membership)
_STATEMENT = Iri(RDF_STATEMENT)
_KEY = str(KEY_PREDICATE)
_TYPES: dict[str, list[Iri]] = {
    label: [Iri(LABEL_CLASS[label]), *(Iri(t) for t in ALSO_TYPED.get(label, ()))]
    for label in LABEL_CLASS}
_ROLE_TYPES: dict[str, Iri] = {role: Iri(ROLE_CLASS[role]) for role in ORGANIZATION_ROLES}
_REL_PREDICATE: dict[str, str] = {rel: str(p) for rel, p in REL_PREDICATE.items()}
_PREDICATE: dict[str, str] = {name: str(spec.predicate) for name, spec in PROPERTIES.items()}


class Block(NamedTuple):
    """One subject IRI and its (predicate IRI, object) pairs."""

    subject: str
    pairs: list[tuple[str, Obj]]


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


@lru_cache(maxsize=1 << 16)
def node_iri_text(label: str, key: str) -> str:
    """The node IRI as a string (the same as `innochain.rdf.iris.node_iri`, cached)."""
    return f"{ID_BASE}{label.lower()}/{quote(key, safe='')}"


def _add_properties(pairs: list[tuple[str, Obj]], owner: str, props: Mapping[str, Any],
                    stats: ExportStats) -> None:
    derived = MATERIALISED_PROPERTIES.get(owner, ())  # recomputed by derive, not facts
    for name in sorted(props):
        value = props[name]
        if value is None or name in derived:
            continue
        spec = PROPERTIES.get(name)
        if spec is None:
            stats.undocumented[f"{owner}.{name}"] += 1
            continue
        why = contract_breach(value, spec)
        if why:
            stats.breaches[f"{owner}.{why}"] += 1
        pairs.append((_PREDICATE[name], encode_value(value, spec)))


def node_block(label: str, key: str, labels: Iterable[str], props: Mapping[str, Any],
               stats: ExportStats) -> Block:
    """Types (node label, role labels, established classes), key and properties of one node."""
    pairs: list[tuple[str, Obj]] = [(RDF_TYPE, t) for t in _TYPES[label]]
    pairs += [(RDF_TYPE, _ROLE_TYPES[r]) for r in sorted(set(labels) & _ROLE_TYPES.keys())]
    pairs.append((_KEY, Lit(str(key))))
    key_name = NODES[label].key
    _add_properties(pairs, label, {k: v for k, v in props.items() if k != key_name}, stats)
    stats.nodes += 1
    return Block(node_iri_text(label, key), pairs)


def edge_blocks(rel: str, src: tuple[str, str], dst: tuple[str, str], props: Mapping[str, Any],
                stats: ExportStats) -> list[Block]:
    """The plain triple, then a reified rdf:Statement when the edge carries any property."""
    src_iri, dst_iri = node_iri_text(*src), Iri(node_iri_text(*dst))
    predicate = _REL_PREDICATE[rel]
    stats.edges += 1
    plain = Block(src_iri, [(predicate, dst_iri)])
    present = {k: v for k, v in props.items() if v is not None}
    if not present:
        return [plain]
    rkey = tuple(str(present.get(k, "")) for k in RELS[rel].key_props)
    statement = edge_iri_text(rel, src_iri, dst_iri, rkey)
    pairs: list[tuple[str, Obj]] = [(RDF_TYPE, _STATEMENT)]
    if rel == "MEMBER_OF":  # the qualified form W3C ORG itself defines
        pairs.append((RDF_TYPE, _MEMBERSHIP))
    pairs += [(_RDF_SUBJECT, Iri(src_iri)), (_RDF_PREDICATE, Iri(predicate)),
              (_RDF_OBJECT, dst_iri)]
    if rel == "MEMBER_OF":
        pairs += [(_ORG_MEMBER, Iri(src_iri)), (_ORG_ORGANIZATION, dst_iri)]
    _add_properties(pairs, rel, present, stats)
    return [plain, Block(statement, pairs)]
