"""Load RDF in the InnoChain vocabulary (innochain/rdf/innochain.ttl) back into the graph.

Any rdflib format, guessed from the suffix (.ttl, .nt, .jsonld, .rdf/.xml, .n3 ...) or given.
The triples are grouped by subject and each subject is one source row: a node (typed with an
ic: node class) or a reified relationship (rdf:Statement); plain relationship triples without
a statement load as relationships without properties. A subject with an unknown class or
property, an IRI outside https://w3id.org/innochain/id/, or a literal of the wrong datatype is
rejected as a whole, and the reject names the subject IRI. Malformed RDF raises LoadError
naming the file (and for N-Triples the line).

Two ways through a file:
- Streaming, for N-Triples written by `innochain export rdf` (its first line is
  `NT_GROUPED_MARK`: each subject's triples together, its list cells right after it, every
  node before any relationship): read line by line by our own N-Triples reader, each subject
  turned into records as soon as the next one starts. Memory stays that of one subject.
  A row's Origin line is the running number of the subject group in the file.
- Whole document, for everything else: N-Triples through the same reader, other formats
  through rdflib's parser (it has no streaming parser for Turtle, JSON-LD or RDF/XML) into a
  light store that only groups triples by subject (no rdflib Graph). Node subjects then come
  first in IRI order, then relationship statements, then plain relationships, so every node is
  written before its edges; Origin line is the subject's running number in that order.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal
from rdflib.store import Store
from rdflib.util import guess_format

from innochain.errors import LoadError
from innochain.loaders.load_context import LoadContext
from innochain.loaders.rdf_subjects import Pairs, SubjectReader
from innochain.loaders.records import Record
from innochain.rdf.iris import is_edge_iri
from innochain.rdf.literals import ValueProblem
from innochain.rdf.ntriples import NTriplesError, read_ntriples
from innochain.rdf.serializers import NT_GROUPED_MARK
from innochain.rdf.terms import (
    RDF_FIRST,
    RDF_NIL,
    RDF_REST,
    RDF_STATEMENT,
    RDF_TYPE,
    Blank,
    Iri,
    Lit,
    Term,
)

KIND = "rdf"
DESCRIPTION = ("RDF in the InnoChain vocabulary (Turtle, N-Triples, JSON-LD, RDF/XML), "
               "e.g. a file written by `innochain export rdf`")
FILE_TYPES = (".ttl", ".nt", ".jsonld", ".json", ".rdf", ".xml", ".owl", ".n3")
_SUFFIX_FORMATS = {".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".owl": "xml"}
PLAIN_EDGE_WINDOW = 10_000
"""Plain relationship triples a streaming load holds while it waits for their statements."""


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


def _not_valid(path: Path, fmt: str, exc: BaseException) -> LoadError:
    reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return LoadError(f"{path}: not valid {fmt} RDF ({reason}); fix the file or give the "
                     "right format")


def _light(term: Any) -> Term:
    if isinstance(term, Literal):
        return Lit(str(term), str(term.datatype) if term.datatype else None, term.language)
    if isinstance(term, BNode):
        return Blank(str(term))
    return Iri(str(term))


class _SubjectGroups(Store):
    """An rdflib store that only groups the parsed triples by subject (no indexes)."""

    context_aware = True  # the JSON-LD parser asks for one; named graphs are not kept apart

    def __init__(self) -> None:
        super().__init__()
        self.groups: dict[Term, Pairs] = {}

    def add(self, triple: Any, context: Any = None, quoted: bool = False) -> None:
        s, p, o = triple
        self.groups.setdefault(_light(s), []).append((str(p), _light(o)))

    def bind(self, prefix: Any, namespace: Any, override: bool = True) -> None:
        return None

    def namespace(self, prefix: Any) -> None:
        return None

    def prefix(self, namespace: Any) -> None:
        return None

    def namespaces(self) -> Iterator[Any]:
        return iter(())


def _nt_lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as fh:
        yield from fh


def parse_rdf(path: Path, fmt: str | None = None) -> dict[Term, Pairs]:
    """The whole file's triples grouped by subject; LoadError with one line when it is not RDF."""
    if not path.is_file():
        raise LoadError(f"{path}: no such file")
    fmt = rdf_format(path, fmt)
    try:
        if fmt == "nt":
            groups: dict[Term, Pairs] = {}
            for s, p, o in read_ntriples(_nt_lines(path)):
                groups.setdefault(s, []).append((p, o))
            return groups
        sink = _SubjectGroups()
        with _quiet_rdflib():
            Graph(store=sink).parse(path, format=fmt)
        return sink.groups
    except LoadError:
        raise
    except Exception as exc:  # every rdflib parser raises its own exception types
        raise _not_valid(path, fmt, exc) from None


class _ListCells:
    """The rdf:first/rdf:rest cells of a document's lists, by blank node."""

    def __init__(self, cells: dict[Term, Pairs], consume: bool) -> None:
        self.cells, self.consume = cells, consume

    def items(self, head: Term) -> list[Term]:
        out: list[Term] = []
        node, seen = head, set()
        while node != RDF_NIL:
            cell = self.cells.get(node) if isinstance(node, Blank) and node not in seen else None
            firsts = [o for p, o in cell or () if p == RDF_FIRST]
            rests = [o for p, o in cell or () if p == RDF_REST]
            if len(firsts) != 1 or len(rests) != 1:
                raise ValueProblem("the value must be an rdf:List of literals")
            out.append(firsts[0])
            seen.add(node)
            node = rests[0]
        if self.consume:
            for cell in seen:
                self.cells.pop(cell, None)
        return out


def _is_cell(pairs: Pairs) -> bool:
    return any(p == RDF_FIRST for p, _ in pairs)


def graph_records(groups: dict[Term, Pairs], file: str) -> Iterator[Record]:
    """Node and edge records, and rejects, for every subject of a whole parsed document."""
    cells: dict[Term, Pairs] = {s: pairs for s, pairs in groups.items()
                                if isinstance(s, Blank) and _is_cell(pairs)}
    reader = SubjectReader(file, _ListCells(cells, consume=False).items)

    def order(subject: Term) -> tuple[bool, bool, str]:
        types = [o for p, o in groups[subject] if p == RDF_TYPE]
        return (isinstance(subject, Blank), RDF_STATEMENT in types or is_edge_iri(str(subject)),
                str(subject))

    subjects = sorted((s for s in groups if s not in cells), key=order)
    for number, subject in enumerate(subjects, start=1):
        yield from reader.records(subject, groups[subject], number)
    yield from reader.plain_edges()


def streamed_records(triples: Iterable[tuple[Term, str, Term]], file: str) -> Iterator[Record]:
    """Records of a document grouped by subject (see the module docstring), as it is read."""
    cells: dict[Term, Pairs] = {}
    reader = SubjectReader(file, _ListCells(cells, consume=True).items, PLAIN_EDGE_WINDOW)
    waiting: list[tuple[Term, Pairs]] = []
    number = 0
    current: Term | None = None
    pairs: Pairs = []

    def close() -> None:
        if current is None:
            return
        if isinstance(current, Blank):
            cells.setdefault(current, []).extend(pairs)
        else:
            waiting.append((current, pairs))

    for s, p, o in triples:
        if s != current or type(s) is not type(current):
            close()
            if isinstance(s, Iri):  # the groups before it are complete, their cells too
                for subject, found in waiting:
                    number += 1
                    yield from reader.records(subject, found, number)
                waiting.clear()
            current, pairs = s, []
        pairs.append((p, o))
    close()
    for subject, found in waiting:
        number += 1
        yield from reader.records(subject, found, number)
    for blank, found in cells.items():
        if not _is_cell(found):
            number += 1
            yield from reader.records(blank, found, number)
    yield from reader.plain_edges()


def _is_grouped_export(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.readline().rstrip(b"\r\n") == NT_GROUPED_MARK.encode()


def file_records(path: Path, fmt: str | None = None) -> Iterator[Record]:
    """Records of one file, streamed when it is an N-Triples export, else parsed whole."""
    if not path.is_file():
        raise LoadError(f"{path}: no such file")
    fmt = rdf_format(path, fmt)
    if fmt != "nt" or not _is_grouped_export(path):
        yield from graph_records(parse_rdf(path, fmt), str(path))
        return
    try:
        yield from streamed_records(read_ntriples(_nt_lines(path)), str(path))
    except (NTriplesError, UnicodeDecodeError) as exc:
        raise _not_valid(path, fmt, exc) from None


def records(paths: Iterable[Path], fmt: str | None = None) -> Iterator[Record]:
    """Records of every file, in order (the loader registry's entry point)."""
    for path in paths:
        yield from file_records(Path(path), fmt)


def load_rdf(paths: Sequence[Path], context: LoadContext | None = None) -> Iterator[Record]:
    """The registry's loader signature; RDF needs no load context (ids are in the IRIs)."""
    return records(paths)
