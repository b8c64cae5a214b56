"""The query file format: one query per `queries/<pack>/<name>.cypher`, a YAML header on top.

The header sits in a leading `/* ... */` block comment, so the file stays valid Cypher and
runs unchanged in Neo4j Browser or cypher-shell::

    /*
    id: landscape.chain_map
    title: {zh: 产业链全景, en: Chain map}
    description: {zh: ..., en: ...}
    task: 观局 landscape
    params:
      park_id: {type: str, required: true, ref: Park, example: park:demo,
                description: {zh: 园区, en: the park}}
    columns:
      segment_id: {type: str, zh: 环节, en: segment id}
    */
    MATCH ...

Every problem is a `PackFileError` that names `file:line`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from innochain.errors import QueryPackError
from innochain.queries.cypher_text import blank_comments_and_strings, line_of, used_parameters

PARAM_TYPES = ("str", "int", "float", "bool", "list[str]", "list[int]")
COLUMN_TYPES = (*PARAM_TYPES, "list[float]")
HEADER_KEYS = ("id", "title", "description", "task", "params", "columns")
PARAM_KEYS = ("type", "required", "default", "min", "max", "example", "description", "ref")
COLUMN_KEYS = ("type", "zh", "en")
# Labels a `ref:` may name; each has a lookup query `_lookups.<label lower-case>`.
REF_LABELS = ("Organization", "Park", "Segment", "Technology", "CPC", "Patent", "Person",
              "Standard", "Case")


class PackFileError(QueryPackError):
    """A query file is malformed; `path` and `line` say where."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.reason = message


@dataclass(frozen=True)
class Bilingual:
    """A user-facing text, Chinese first with English beside."""

    zh: str
    en: str


@dataclass(frozen=True)
class ParamSpec:
    """One declared parameter; `ref` names the label whose `id` the value must be."""

    name: str
    type: str
    required: bool = False
    default: Any = None
    min: float | None = None
    max: float | None = None
    example: Any = None
    description: Bilingual = Bilingual("", "")
    ref: str | None = None


@dataclass(frozen=True)
class ColumnSpec:
    """One returned column with its type and meaning in both languages."""

    name: str
    type: str
    zh: str
    en: str


@dataclass(frozen=True)
class QuerySpec:
    """A loaded query: its metadata and the Cypher body (the header left out)."""

    id: str
    title: Bilingual
    description: Bilingual
    task: str
    params: dict[str, ParamSpec]
    columns: dict[str, ColumnSpec]
    cypher: str
    path: Path
    body_line: int = 1

    @property
    def pack(self) -> str:
        """The pack this query belongs to (the part of the id before the dot)."""
        return self.id.split(".", 1)[0]

    @property
    def name(self) -> str:
        """The query's name inside its pack."""
        return self.id.split(".", 1)[1]


@dataclass(frozen=True)
class _Header:
    """The header's YAML text, where it starts, and where the Cypher body starts."""

    text: str
    first_line: int
    body: str
    body_line: int


def parse_query_file(path: Path, pack: str) -> QuerySpec:
    """Read and check one query file; `pack` is the folder it sits in."""
    text = path.read_text(encoding="utf-8")
    header = _split_header(path, text)
    data = _load_yaml(path, header)
    _check_keys(path, header, data)
    expected = f"{pack}.{path.stem}"
    if data["id"] != expected:
        raise PackFileError(path, _key_line(header, "id"),
                            f"id {data['id']!r} does not match the file's place; use {expected!r}")
    if not blank_comments_and_strings(header.body).strip():
        after_header = header.body_line + (1 if header.body.startswith(("\n", "\r\n")) else 0)
        raise PackFileError(path, after_header, "the query body is empty: write the Cypher "
                            "after the header comment")
    params = {name: _param_spec(path, header, name, spec)
              for name, spec in (data.get("params") or {}).items()}
    columns = {name: _column_spec(path, header, name, spec)
               for name, spec in data["columns"].items()}
    _check_parameter_use(path, header, params)
    return QuerySpec(
        id=expected,
        title=_bilingual(path, header, "title", data["title"]),
        description=_bilingual(path, header, "description", data["description"]),
        task=str(data["task"]),
        params=params,
        columns=columns,
        cypher=header.body.strip() + "\n",
        path=path,
        body_line=header.body_line,
    )


def _split_header(path: Path, text: str) -> _Header:
    start = len(text) - len(text.lstrip())
    if not text.startswith("/*", start):
        raise PackFileError(path, 1 + text.count("\n", 0, start),
                            "a query file starts with its header in a /* ... */ comment")
    end = text.find("*/", start + 2)
    if end < 0:
        raise PackFileError(path, 1 + text.count("\n", 0, start),
                            "the header comment is never closed with */")
    first_line = 1 + text.count("\n", 0, start)
    body_start = end + 2
    return _Header(text=text[start + 2:end], first_line=first_line, body=text[body_start:],
                   body_line=1 + text.count("\n", 0, body_start))


# libyaml's safe loader where PyYAML was built with it: reading the 60 headers took a fresh
# dashboard server 0.4 s in pure Python. Same documents, same problem marks.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(path: Path, header: _Header) -> dict[str, Any]:
    try:
        data = yaml.load(header.text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = header.first_line + (mark.line if mark is not None else 0)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PackFileError(path, line, f"the header is not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise PackFileError(path, header.first_line, "the header must be a YAML mapping with "
                            f"the keys {', '.join(HEADER_KEYS)}")
    return data


def _check_keys(path: Path, header: _Header, data: dict[str, Any]) -> None:
    unknown = [k for k in data if k not in HEADER_KEYS]
    if unknown:
        raise PackFileError(path, _key_line(header, str(unknown[0])),
                            f"unknown header key {unknown[0]!r}; allowed: {', '.join(HEADER_KEYS)}")
    missing = [k for k in HEADER_KEYS if k != "params" and not data.get(k)]
    if missing:
        raise PackFileError(path, header.first_line,
                            f"the header lacks {', '.join(missing)}")
    for key in ("params", "columns"):
        if data.get(key) is not None and not isinstance(data[key], dict):
            raise PackFileError(path, _key_line(header, key), f"{key} must be a mapping of names")


def _key_line(header: _Header, key: str, after: int | None = None) -> int:
    """The line of `key:` in the header (searching from line `after` when given)."""
    skip = 0 if after is None else after - header.first_line
    lines = header.text.splitlines()
    found = line_of("\n".join(lines[skip:]), rf"^\s*{re.escape(key)}\s*:", header.first_line + skip)
    return found if found is not None else header.first_line


def _bilingual(path: Path, header: _Header, key: str, value: Any) -> Bilingual:
    if not isinstance(value, dict) or not value.get("zh") or not value.get("en"):
        raise PackFileError(path, _key_line(header, key),
                            f"{key} needs both zh and en, e.g. {{zh: 中文, en: English}}")
    return Bilingual(str(value["zh"]), str(value["en"]))


def _param_spec(path: Path, header: _Header, name: str, spec: Any) -> ParamSpec:
    line = _key_line(header, name, after=_key_line(header, "params"))
    if not isinstance(spec, dict):
        raise PackFileError(path, line, f"parameter {name} needs a mapping with at least type")
    unknown = [k for k in spec if k not in PARAM_KEYS]
    if unknown:
        raise PackFileError(path, line, f"parameter {name} has unknown key {unknown[0]!r}; "
                            f"allowed: {', '.join(PARAM_KEYS)}")
    if spec.get("type") not in PARAM_TYPES:
        raise PackFileError(path, line, f"parameter {name} has type {spec.get('type')!r}; "
                            f"use one of {', '.join(PARAM_TYPES)}")
    if spec.get("required") and spec.get("default") is not None:
        raise PackFileError(path, line, f"parameter {name} is required and has a default: "
                            "drop one of them")
    if spec.get("ref") is not None and spec["ref"] not in REF_LABELS:
        raise PackFileError(path, line, f"parameter {name} refers to unknown label "
                            f"{spec['ref']!r}; use one of {', '.join(REF_LABELS)}")
    description = spec.get("description") or {}
    if not isinstance(description, dict) or not description.get("zh") or not description.get("en"):
        raise PackFileError(path, line, f"parameter {name} needs description {{zh, en}}")
    return ParamSpec(name=name, type=spec["type"], required=bool(spec.get("required", False)),
                     default=spec.get("default"), min=spec.get("min"), max=spec.get("max"),
                     example=spec.get("example"), ref=spec.get("ref"),
                     description=Bilingual(str(description["zh"]), str(description["en"])))


def _column_spec(path: Path, header: _Header, name: str, spec: Any) -> ColumnSpec:
    line = _key_line(header, name, after=_key_line(header, "columns"))
    if not isinstance(spec, dict) or spec.get("type") not in COLUMN_TYPES:
        raise PackFileError(path, line, f"column {name} needs a type, one of "
                            f"{', '.join(COLUMN_TYPES)}")
    if not spec.get("zh") or not spec.get("en"):
        raise PackFileError(path, line, f"column {name} needs zh and en meanings")
    unknown = [k for k in spec if k not in COLUMN_KEYS]
    if unknown:
        raise PackFileError(path, line, f"column {name} has unknown key {unknown[0]!r}")
    return ColumnSpec(name, spec["type"], str(spec["zh"]), str(spec["en"]))


def _check_parameter_use(path: Path, header: _Header, params: dict[str, ParamSpec]) -> None:
    used = used_parameters(header.body, header.body_line)
    for name, line in used.items():
        if name not in params:
            raise PackFileError(path, line, f"${name} is used but not declared under params")
    params_line = _key_line(header, "params")
    for name in params:
        if name not in used:
            raise PackFileError(path, _key_line(header, name, after=params_line),
                                f"parameter {name} is declared but the query never uses ${name}")
