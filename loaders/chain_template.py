"""Chain templates (产业链模板): parse and validate a YAML template, map patents to segments.

Pure Python, no database: the graph loader turns a ``ChainTemplate`` into Segment,
Technology and CPC nodes. Every problem found is reported at once, each as
``file:line: what is wrong -- what to do``, inside one ``LoadError``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from innochain.errors import LoadError
from innochain.loaders.ipc_symbols import PatternIndex, normalize_symbol
from innochain.loaders.yaml_lines import LineDict, LineLoader

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
STAGES = ("upstream", "midstream", "downstream", "equipment", "materials")

_TOP_KEYS = {"id", "name_zh", "name_en", "version", "description", "sources", "segments",
             "technologies"}
_SOURCE_KEYS = {"id", "title", "url", "reference", "note"}
_SEGMENT_KEYS = {"id", "name_zh", "name_en", "stage", "order", "feeds", "industries", "note"}
_TECH_KEYS = {"id", "name_zh", "name_en", "segment", "segments", "ipc", "cpc", "ipc_newer",
              "keywords", "mapping_source", "note"}


@dataclass(frozen=True)
class Source:
    """A document the template's segments or class mappings rely on."""

    id: str
    title: str
    url: str | None = None
    reference: str | None = None


@dataclass(frozen=True)
class Segment:
    """One link of the chain (产业链环节); ``feeds`` lists the segments downstream of it."""

    id: str
    name_zh: str
    name_en: str
    stage: str
    order: int
    feeds: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Technology:
    """A technology of one or more segments, with the class patterns and keywords that find it."""

    id: str
    name_zh: str
    name_en: str
    segments: tuple[str, ...]
    ipc: tuple[str, ...] = ()
    cpc: tuple[str, ...] = ()
    ipc_newer: tuple[str, ...] = ()  # IPC codes newer than the edition the file checks against
    keywords_zh: tuple[str, ...] = ()
    keywords_en: tuple[str, ...] = ()
    mapping_source: str = ""
    line: int = 0

    @property
    def patterns(self) -> tuple[str, ...]:
        """Every class pattern used for matching patents (IPC, newer IPC, CPC)."""
        return self.ipc + self.ipc_newer + self.cpc


@dataclass(frozen=True)
class ChainTemplate:
    """A validated chain template; segments and technologies keep file order."""

    id: str
    name_zh: str
    name_en: str
    version: str
    sources: tuple[Source, ...]
    segments: dict[str, Segment]
    technologies: dict[str, Technology]
    path: str = ""
    _index: PatternIndex = field(default_factory=PatternIndex, repr=False, compare=False)

    def feeds_edges(self) -> list[tuple[str, str]]:
        """All (upstream, downstream) FEEDS pairs."""
        return [(s.id, t) for s in self.segments.values() for t in s.feeds]

    def technologies_covering(self, code: str) -> set[str]:
        """Ids of the technologies whose IPC/CPC patterns cover ``code`` (none when it does
        not parse)."""
        return self._index.labels_for(code)

    def technologies_of(self, segment_id: str) -> list[Technology]:
        """Technologies that list ``segment_id`` (the USES edges of that segment)."""
        return [t for t in self.technologies.values() if segment_id in t.segments]


class _Problems:
    """Collects ``file:line: message`` strings so one run reports every problem."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[tuple[int, str]] = []

    def add(self, line: int, message: str) -> None:
        self.items.append((line, f"{self.path}:{line}: {message}"))

    def raise_if_any(self) -> None:
        if self.items:
            head = f"chain template {self.path} has {len(self.items)} problem(s):"
            lines = [text for _, text in sorted(self.items, key=lambda item: item[0])]
            raise LoadError("\n  ".join([head, *lines]))


def load_chain_template(path: str | Path) -> ChainTemplate:
    """Read, validate and return the chain template at ``path``; raise LoadError if invalid."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LoadError(f"{path}: cannot read chain template ({exc.strerror}); "
                        "check the path") from exc
    except UnicodeDecodeError as exc:
        raise LoadError(f"{path}: not UTF-8 (byte {exc.start}); save the chain template as "
                        "UTF-8") from None
    return parse_chain_template(text, str(path))


def parse_chain_template(text: str, path: str = "<template>") -> ChainTemplate:
    """Validate template YAML ``text``; ``path`` is only used in messages."""
    try:
        loader = LineLoader(text)  # its reader refuses control characters at once
    except yaml.YAMLError as exc:
        raise LoadError(f"{path}: not valid YAML ({str(exc).splitlines()[0]}); remove the "
                        "control characters") from None
    loader.duplicate_keys = []
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else path
        reason = str(getattr(exc, "problem", None) or exc).splitlines()[0]
        raise LoadError(f"{where}: not valid YAML ({reason}); "
                        "fix the syntax (indentation, quotes, colons)") from exc
    finally:
        loader.dispose()
    problems = _Problems(path)
    for line, key in loader.duplicate_keys:
        problems.add(line, f"duplicate key '{key}' in one mapping; keep one of them")
    if not isinstance(data, LineDict):
        problems.add(1, "the template must be a mapping with id, name_zh, name_en, version, "
                        "sources, segments, technologies")
        problems.raise_if_any()
    assert isinstance(data, LineDict)

    _check_keys(data, _TOP_KEYS, "template", problems)
    for key in ("id", "name_zh", "name_en", "version"):
        _text(data, key, "template", problems)
    sources = [_parse_source(item, problems) for item in _mappings(data, "sources", problems)]
    segments = _parse_segments(_mappings(data, "segments", problems), problems)
    technologies = _parse_technologies(_mappings(data, "technologies", problems), segments,
                                       problems)
    _check_feeds(segments, problems)
    problems.raise_if_any()
    template = ChainTemplate(
        id=str(data["id"]), name_zh=str(data["name_zh"]), name_en=str(data["name_en"]),
        version=str(data["version"]), sources=tuple(sources), segments=segments,
        technologies=technologies, path=path,
    )
    for tech in technologies.values():
        for pattern in tech.patterns:
            template._index.add(pattern, tech.id)
    return template


# --- field helpers -----------------------------------------------------------------------


def _line(d: LineDict, key: str) -> int:
    return d.key_lines.get(key, d.line)


def _check_keys(d: LineDict, allowed: set[str], what: str, problems: _Problems) -> None:
    for key in d:
        if key not in allowed:
            problems.add(_line(d, str(key)), f"unknown field '{key}' in {what}; "
                         f"allowed: {', '.join(sorted(allowed))} (see seed_data/chains/README.md)")


def _text(d: LineDict, key: str, what: str, problems: _Problems, required: bool = True) -> str:
    value = d.get(key)
    if value is None:
        if required:
            problems.add(d.line, f"{what} has no '{key}'; add it")
        return ""
    if isinstance(value, (dict, list, bool)):
        problems.add(_line(d, key), f"'{key}' of {what} must be text, got {type(value).__name__}")
        return ""
    return str(value)


def _list(d: LineDict, key: str, owner: LineDict, problems: _Problems,
          what: str = "template", required: bool = True) -> list[Any]:
    value = d.get(key)
    if value is None:
        if required:
            problems.add(owner.line, f"{what} has no '{key}' list; add one")
        return []
    if not isinstance(value, list):
        problems.add(_line(d, key), f"'{key}' of {what} must be a list (YAML '- item' lines)")
        return []
    return value


def _strings(d: LineDict, key: str, what: str, problems: _Problems) -> tuple[str, ...]:
    items = _list(d, key, d, problems, what, required=False)
    bad = [i for i in items if not isinstance(i, (str, int)) or isinstance(i, bool)]
    if bad:
        problems.add(_line(d, key), f"'{key}' of {what} must list plain text items; got {bad[0]!r}")
    return tuple(str(i) for i in items if i not in bad)


def _check_slug(d: LineDict, value: str, what: str, problems: _Problems) -> None:
    if value and not _SLUG.match(value):
        problems.add(_line(d, "id"), f"{what}: id must be an ascii slug (lower-case letters, "
                     "digits, '_' or '-'), e.g. 'ingot_wafer'")


def _mappings(top: LineDict, key: str, problems: _Problems) -> list[LineDict]:
    """The entries of the top-level list ``key`` that are mappings; the others are reported."""
    items = _list(top, key, top, problems)
    for item in items:
        if not isinstance(item, LineDict):
            problems.add(_line(top, key), f"each entry of '{key}' must be a mapping, got {item!r}")
    return [item for item in items if isinstance(item, LineDict)]


def _parse_source(d: LineDict, problems: _Problems) -> Source:
    what = f"source '{d.get('id', '?')}'"
    _check_keys(d, _SOURCE_KEYS, what, problems)
    if d.get("url") is None and d.get("reference") is None:
        problems.add(d.line, f"{what} needs a 'url' or a 'reference' so readers can find it")
    return Source(id=_text(d, "id", what, problems), title=_text(d, "title", what, problems),
                  url=_text(d, "url", what, problems, required=False) or None,
                  reference=_text(d, "reference", what, problems, required=False) or None)


def _parse_segments(items: list[LineDict], problems: _Problems) -> dict[str, Segment]:
    segments: dict[str, Segment] = {}
    for item in items:
        seg_id = _text(item, "id", "segment", problems)
        what = f"segment '{seg_id}'"
        _check_keys(item, _SEGMENT_KEYS, what, problems)
        _check_slug(item, seg_id, what, problems)
        stage = _text(item, "stage", what, problems)
        if stage and stage not in STAGES:
            problems.add(_line(item, "stage"), f"{what}: stage '{stage}' is not one of "
                         f"{', '.join(STAGES)}")
        order = item.get("order")
        if not isinstance(order, int) or isinstance(order, bool):
            problems.add(_line(item, "order"), f"{what}: 'order' must be an integer (chain order)")
            order = 0
        segment = Segment(
            id=seg_id, name_zh=_text(item, "name_zh", what, problems),
            name_en=_text(item, "name_en", what, problems), stage=stage, order=order,
            feeds=_strings(item, "feeds", what, problems),
            industries=_strings(item, "industries", what, problems), line=item.line,
        )
        _keep_unique(segments, segment, "segment", problems)
    return segments


def _keep_unique(seen: dict[str, Any], item: Segment | Technology, kind: str,
                 problems: _Problems) -> None:
    if item.id in seen:
        problems.add(item.line, f"duplicate {kind} id '{item.id}' (first at line "
                     f"{seen[item.id].line}); give each {kind} its own id")
    elif item.id:
        seen[item.id] = item


def _patterns(d: LineDict, key: str, what: str, problems: _Problems) -> tuple[str, ...]:
    out: list[str] = []
    for raw in _strings(d, key, what, problems):
        try:
            symbol = normalize_symbol(raw)
        except ValueError as exc:
            problems.add(_line(d, key), f"{what}: bad {key} pattern: {exc}")
            continue
        if symbol not in out:
            out.append(symbol)
    return tuple(out)


def _parse_technologies(items: list[LineDict], segments: dict[str, Segment],
                        problems: _Problems) -> dict[str, Technology]:
    techs: dict[str, Technology] = {}
    for item in items:
        tech_id = _text(item, "id", "technology", problems)
        what = f"technology '{tech_id}'"
        _check_keys(item, _TECH_KEYS, what, problems)
        _check_slug(item, tech_id, what, problems)
        if ("segment" in item) == ("segments" in item):
            problems.add(item.line, f"{what}: give exactly one of 'segment' (one id) or "
                         "'segments' (a list of ids)")
            seg_ids: tuple[str, ...] = ()
        elif "segment" in item:
            seg_ids = (_text(item, "segment", what, problems),)
        else:
            seg_ids = _strings(item, "segments", what, problems)
        for seg_id in seg_ids:
            if seg_id not in segments:
                problems.add(_line(item, "segments" if "segments" in item else "segment"),
                             f"{what} names unknown segment '{seg_id}'; use one of the segment "
                             "ids defined under 'segments'")
        keywords = item.get("keywords") or LineDict()
        if not isinstance(keywords, LineDict):
            problems.add(_line(item, "keywords"), f"{what}: 'keywords' must map zh/en to lists")
            keywords = LineDict()
        _check_keys(keywords, {"zh", "en"}, f"keywords of {what}", problems)
        tech = Technology(
            id=tech_id, name_zh=_text(item, "name_zh", what, problems),
            name_en=_text(item, "name_en", what, problems), segments=seg_ids,
            ipc=_patterns(item, "ipc", what, problems), cpc=_patterns(item, "cpc", what, problems),
            ipc_newer=_patterns(item, "ipc_newer", what, problems),
            keywords_zh=_strings(keywords, "zh", what, problems),
            keywords_en=_strings(keywords, "en", what, problems),
            mapping_source=_text(item, "mapping_source", what, problems), line=item.line,
        )
        if not (tech.patterns or tech.keywords_zh or tech.keywords_en):
            problems.add(item.line, f"{what} has no ipc, cpc or keywords; add at least one, "
                         "or patents can never map to it")
        if tech_id in segments:
            # Segment and Technology ids share one namespace in reports and the RDF export.
            problems.add(item.line, f"{what} reuses a segment id; rename one of them")
        _keep_unique(techs, tech, "technology", problems)
    return techs


def _check_feeds(segments: dict[str, Segment], problems: _Problems) -> None:
    for seg in segments.values():
        for target in seg.feeds:
            if target not in segments:
                problems.add(seg.line, f"segment '{seg.id}' feeds unknown segment '{target}'; "
                             "fix the id or add that segment")
    cycle = find_cycle({s.id: [t for t in s.feeds if t in segments] for s in segments.values()})
    if cycle:
        problems.add(segments[cycle[0]].line, "FEEDS has a cycle: " + " -> ".join(cycle)
                     + "; FEEDS must run one way (upstream to downstream): remove one edge")


def find_cycle(graph: dict[str, list[str]]) -> list[str]:
    """One cycle of a directed graph as ``[a, b, ..., a]``, or ``[]`` if it is acyclic."""
    done: set[str] = set()
    for start in graph:
        path: list[str] = []  # depth-first, iterative: a stack of (node, its next targets)
        stack = [(start, iter(graph.get(start, [])))] if start not in done else []
        while stack:
            node, targets = stack[-1]
            if not path or path[-1] != node:
                path.append(node)
            nxt = next(targets, None)
            if nxt is None:
                done.add(path.pop())
                stack.pop()
            elif nxt in path:
                return path[path.index(nxt):] + [nxt]
            elif nxt not in done:
                stack.append((nxt, iter(graph.get(nxt, []))))
    return []
