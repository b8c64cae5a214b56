"""Load RDF in the InnoChain vocabulary (innochain/rdf/innochain.ttl) back into the graph.

Any rdflib format, guessed from the suffix (.ttl, .nt, .jsonld, .rdf/.xml, .n3, .trig ...)
or given. The whole file is parsed into memory first (rdflib has no streaming parser for
Turtle, JSON-LD or RDF/XML), then each subject is one source row: its Origin line is the
running number of the subject (1-based): node subjects first in IRI order, then
relationship statements in IRI order, and every reject names the
subject IRI as its value so a data owner can find it. A subject is a node (typed with an
ic: node class) or a reified relationship (rdf:Statement); plain relationship triples
without a statement load as relationships without properties. A subject with an unknown
class or property, an IRI outside https://w3id.org/innochain/id/, or a literal of the wrong
datatype is rejected as a whole. Malformed RDF raises LoadError naming the file.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rdflib import RDF, BNode, Graph, URIRef
from rdflib.term import Node
from rdflib.util import guess_format

from innochain.errors import LoadError
from innochain.loaders.load_context import LoadContext
from innochain.loaders.rdf_subjects import SubjectReader
from innochain.loaders.records import Origin, Record, Reject
from innochain.rdf.iris import is_edge_iri

KIND = "rdf"
DESCRIPTION = ("RDF in the InnoChain vocabulary (Turtle, N-Triples, JSON-LD, RDF/XML), "
               "e.g. a file written by `innochain export rdf`")
FILE_TYPES = (".ttl", ".nt", ".jsonld", ".json", ".rdf", ".xml", ".owl", ".n3")
_SUFFIX_FORMATS = {".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".owl": "xml"}


def rdf_format(path: Path, given: str | None = None) -> str:
    """The rdflib parser name for a file: the one given, else guessed from the suffix."""
    if given:
        return given
    fmt = _SUFFIX_FORMATS.get(path.suffix.lower()) or guess_format(path.name)
    if fmt is None:
        raise LoadError(f"{path}: cannot tell the RDF format from the suffix "
                        f"{path.suffix!r}; use .ttl, .nt, .jsonld or .rdf, or give the format")
    return fmt


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """rdflib logs a traceback for every ill-typed literal; we report those as rejects."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def parse_rdf(path: Path, fmt: str | None = None) -> Graph:
    """The file as an rdflib Graph; LoadError with one line when it cannot be parsed."""
    if not path.is_file():
        raise LoadError(f"{path}: no such file")
    graph = Graph()
    with _quiet_rdflib():
        try:
            graph.parse(path, format=rdf_format(path, fmt))
        except LoadError:
            raise
        except Exception as exc:  # every rdflib parser raises its own exception types
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise LoadError(f"{path}: not valid {rdf_format(path, fmt)} RDF ({reason}); "
                            "fix the file or give the right format") from None
    return graph


def graph_records(graph: Graph, file: str) -> Iterator[Record]:
    """Node and edge records, and rejects, for every subject of a parsed graph."""
    reader = SubjectReader(graph)
    # Nodes before relationships: run_load writes edges in batches as they come, and an edge
    # finds only the nodes yielded before it.
    subjects = sorted((s for s in set(graph.subjects()) if not _is_list_cell(graph, s)),
                      key=lambda s: (isinstance(s, BNode), _is_statement(graph, s), str(s)))
    for number, subject in enumerate(subjects, start=1):
        origin = Origin(file, number)
        if not isinstance(subject, URIRef):
            yield Reject(file, number, "subject", subject.n3(),
                         "a blank node subject names no node: give it an IRI under "
                         "https://w3id.org/innochain/id/")
            continue
        yield from reader.records(subject, origin)
    yield from reader.plain_edges(file)


def _is_statement(graph: Graph, node: Node) -> bool:
    return (node, RDF.type, RDF.Statement) in graph or is_edge_iri(str(node))


def _is_list_cell(graph: Graph, node: object) -> bool:
    return isinstance(node, BNode) and (node, RDF.first, None) in graph


def records(paths: Iterable[Path], fmt: str | None = None) -> Iterator[Record]:
    """Records of every file, in order (the loader registry's entry point)."""
    for path in paths:
        path = Path(path)
        yield from graph_records(parse_rdf(path, fmt), str(path))


def load_rdf(paths: Sequence[Path], context: LoadContext | None = None) -> Iterator[Record]:
    """The registry's loader signature; RDF needs no load context (ids are in the IRIs)."""
    return records(paths)
