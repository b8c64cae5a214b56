"""Hypothesis strategies that turn real seed files into malformed ones.

A seed is one or more files of one load kind (CSV/TSV tables, JSON Lines, YAML, RDF). The
strategies mutate them the way real files go wrong: headers renamed to Chinese or English
aliases, dropped, repeated or junk; cells swapped for hostile text (formulas, control
characters, quotes, huge fields), for another row's key (duplicated and dangling keys) or
for nothing; rows repeated, cut short or lengthened; then the text is written in another
encoding (BOM, GB18030, Latin-1, UTF-16) and sometimes damaged byte by byte.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from hypothesis import strategies as st

HOSTILE = (
    "=1+1", "=HYPERLINK(\"http://x\")", " =cmd|' /C calc'!A0", "+SUM(A1)", "-2+3", "@SUM(A1)",
    "\x00\x01\x07\x1b", "a\tb\rc\nd", "\u200b\ufeff\u2028", "\"", "\"\"\"", "a,b", "'; DROP",
    "x'}) DETACH DELETE n //", "名称", "ｆｕｌｌ－ｗｉｄｔｈ", "\u0300", "é", "Ω", "𠀀", " ", "NaN",
    "-1", "0", "99999999999999999999", "1e309", "2021-02-30", "未知公司", "null", "{}", "[]",
    "\\", "#", "- x", ": y", "&a", "*a", "!!python/object:os.system", "%", "<x>", "_:b0",
)
HUGE = ("长" * 140_000, "x" * 200_000)  # past the csv module's 131,072-character field limit
JUNK_HEADERS = ("", "备注", "Unnamed: 3", "名称", "\ufeffname", "ID", "id", "编号", "year", "年份")
ENCODINGS = ("utf-8", "utf-8", "utf-8-sig", "gb18030", "latin-1", "utf-16")


@dataclass(frozen=True)
class SeedFile:
    """One file of a seed: its name, text, and how to mutate it (`table`, `jsonl`, `yaml`
    or `text`). Tables say their delimiter, header rows and header aliases; `unchanged`
    is how many cases in ten keep the file as it is (UTF-8, undamaged)."""

    name: str
    text: str
    form: str = "table"
    delimiter: str = ","
    header_rows: int = 1
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    encodings: tuple[str, ...] = ENCODINGS
    unchanged: int = 1


def hostile_text() -> st.SearchStrategy[str]:
    """Hostile cell text: formulas, control characters, quotes, markup, odd numbers."""
    return st.one_of(st.sampled_from(HOSTILE), st.sampled_from(HOSTILE), st.text(max_size=12),
                     st.integers(-10, 3000).map(str),
                     st.floats(allow_nan=True, allow_infinity=True).map(repr))


def _table(seed: SeedFile) -> list[list[str]]:
    return list(csv.reader(io.StringIO(seed.text, newline=""), delimiter=seed.delimiter))


@st.composite
def _mutated_header(draw: st.DrawFn, header: list[str], seed: SeedFile) -> list[str]:
    header = list(header)
    for i, name in enumerate(header):
        if draw(st.integers(0, 5)) == 0:
            choices = [*seed.aliases.get(name, ()), name.upper(), f" {name} ", f"*{name}",
                       f"\ufeff{name}", *JUNK_HEADERS]
            header[i] = draw(st.sampled_from(choices))
    return header


@st.composite
def _cell(draw: st.DrawFn, value: str, column: list[str], everything: list[str]) -> str:
    how = draw(st.integers(0, 11))
    if how == 0:
        return draw(hostile_text())
    if how == 1 and column:
        return draw(st.sampled_from(column))  # another row's value: a repeated key
    if how == 2 and everything:
        return draw(st.sampled_from(everything))  # another column's value: a dangling key
    if how == 3:
        return ""
    if how == 4:
        return value + draw(st.sampled_from(["0", "X", " ", "；", ";;", "\u3000", "?", "/"]))
    return value


@st.composite
def mutated_table(draw: st.DrawFn, seed: SeedFile) -> str:
    """The seed table with its header, cells and rows mutated, as delimited text."""
    rows = _table(seed)
    head, body = rows[:seed.header_rows], rows[seed.header_rows:]
    if body:
        body = draw(st.lists(st.sampled_from(body), max_size=len(body) + 2))
    width = max((len(r) for r in rows), default=0)
    columns = [[r[i] for r in body if i < len(r) and r[i]] for i in range(width)]
    everything = sorted({c for r in rows for c in r if c})
    if head and draw(st.integers(0, 2)) == 0:
        head[0] = draw(_mutated_header(head[0], seed))
    if width > 1 and draw(st.integers(0, 5)) == 0:  # a column dropped or moved, in every row
        order = draw(st.permutations(range(width)))[:draw(st.integers(1, width))]
        head = [[r[i] if i < len(r) else "" for i in order] for r in head]
        body = [[r[i] if i < len(r) else "" for i in order] for r in body]
        columns = [columns[i] for i in order]
    out = [list(r) for r in head]
    for row in body:
        row = [draw(_cell(v, columns[i] if i < len(columns) else [], everything))
               for i, v in enumerate(row)]
        shape = draw(st.integers(0, 14))
        if shape == 0:
            row = row[:draw(st.integers(0, len(row)))]
        elif shape == 1:
            row = [*row, draw(hostile_text())]
        out.append(row)
        if draw(st.integers(0, 9)) == 0:
            out.append(list(row))  # the same row twice
    if len(out) > seed.header_rows and draw(st.integers(0, 20)) == 0:
        row = out[draw(st.integers(seed.header_rows, len(out) - 1))]
        if row:
            row[draw(st.integers(0, len(row) - 1))] = draw(st.sampled_from(HUGE))
    return _delimited(out, seed.delimiter, draw(st.sampled_from(["minimal", "all", "minimal"])))


def _delimited(rows: list[list[str]], delimiter: str, quoting: str) -> str:
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\n",
                        quoting=csv.QUOTE_ALL if quoting == "all" else csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return text.getvalue()


def _json_value(draw: st.DrawFn, everything: list[Any]) -> Any:
    return draw(st.one_of(hostile_text(), st.none(), st.integers(-2**63, 2**64),
                          st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
                          st.lists(st.integers(), max_size=2),
                          st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
                          st.sampled_from(everything or [""])))


def _object(line: str) -> dict[str, Any]:
    """A seed line's object; a line the seed holds on purpose as broken JSON stays text."""
    try:
        found = json.loads(line)
    except json.JSONDecodeError:
        return {"text": line}
    return found if isinstance(found, dict) else {"value": found}


@st.composite
def mutated_json_lines(draw: st.DrawFn, seed: SeedFile) -> str:
    """The seed's JSON objects with keys dropped, values retyped or swapped, lines repeated,
    cut or replaced by text that is not an object."""
    objects = [_object(line) for line in seed.text.splitlines() if line.strip()]
    everything = sorted({str(v) for o in objects for v in o.values()})
    lines = []
    for obj in draw(st.lists(st.sampled_from(objects), max_size=len(objects) + 2)):
        obj = dict(obj)
        for key in list(obj):
            how = draw(st.integers(0, 9))
            if how == 0:
                del obj[key]
            elif how == 1:
                obj[key] = _json_value(draw, everything)
        line = json.dumps(obj, ensure_ascii=draw(st.booleans()))
        shape = draw(st.integers(0, 14))
        if shape == 0:
            line = line[:draw(st.integers(0, len(line)))]
        elif shape == 1:
            line = draw(st.sampled_from(["[1, 2]", "\"text\"", "null", "42", "{", "", "{}",
                                         "{\"a\": NaN}", "\x00"]))
        lines.append(line)
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\r\n"]))


def _yaml_walk(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _yaml_walk(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _yaml_walk(v, (*path, i))
    return out


@st.composite
def mutated_yaml(draw: st.DrawFn, seed: SeedFile) -> str:
    """The seed document with values replaced, removed or retyped, re-dumped; or the text
    itself damaged (tabs, unbalanced quotes, aliases, tags, a line cut)."""
    doc = yaml.safe_load(seed.text)
    paths = [p for p in _yaml_walk(doc) if p]
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(paths))
        parent = doc
        try:
            for step in path[:-1]:
                parent = parent[step]
            how = draw(st.integers(0, 3))
            if how == 0:
                del parent[path[-1]]
            else:
                parent[path[-1]] = draw(st.one_of(
                    hostile_text(), st.none(), st.integers(-5, 10**20), st.booleans(),
                    st.just([]), st.just({}), st.just([None]), st.just({"x": 1}),
                    st.sampled_from([str(p[-1]) for p in paths])))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced this spot
        paths = [p for p in _yaml_walk(doc) if p] or [("x",)]
    text = yaml.safe_dump(doc, allow_unicode=draw(st.booleans()), sort_keys=False)
    return draw(_damaged_text(text, ("\t", "\"", "'", ": ", "- ", "&a ", "*a", "*nope",
                                      "!!python/object/apply:os.system ['true']", "{", "]",
                                      "? ", "|", "---\n", "key: value\nkey: again\n", "%YAML")))


@st.composite
def _damaged_text(draw: st.DrawFn, text: str, tokens: tuple[str, ...]) -> str:
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        how = draw(st.integers(0, 3))
        if how == 0:
            text = text[:at] + draw(st.sampled_from(tokens)) + text[at:]
        elif how == 1:
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        elif how == 2:
            text = text[:at]
    return text


_LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"')
RDF_TOKENS = ("\"", "<", ">", " .", ";", "@prefix x: <y> .", "^^xsd:integer", "^^xsd:date",
              "@zz", "_:b", "<https://w3id.org/innochain/id/patent/ZZ-missing>",
              "<https://w3id.org/innochain/id/nosuchlabel/x>", "<https://w3id.org/innochain/vocab#nope>",
              "\"\"\"", "{", "}", "[", "]", ",", "\"@id\": null", "\"@context\": 5", "\\u0000")


@st.composite
def mutated_rdf(draw: st.DrawFn, seed: SeedFile) -> str:
    """The seed RDF with literals replaced by hostile ones (escaped or not), lines dropped or
    repeated, and tokens put in or text cut anywhere."""
    lines = seed.text.splitlines()
    out = []
    for line in lines:
        how = draw(st.integers(0, 24))
        if how == 0:
            continue
        if how == 1:
            out.append(line)
        if how == 2 and _LITERAL.search(line) is not None:
            value = draw(hostile_text())
            quoted = json.dumps(value) if draw(st.booleans()) else f'"{value}"'
            found = _LITERAL.search(line)
            assert found is not None
            line = line[:found.start()] + quoted + line[found.end():]
        out.append(line)
    return draw(_damaged_text("\n".join(out) + "\n", RDF_TOKENS))


_BY_FORM = {"table": mutated_table, "jsonl": mutated_json_lines, "yaml": mutated_yaml,
            "text": mutated_rdf}


@st.composite
def damaged_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """The bytes as they are, or with a stray quote, a cut, random bytes or CR line ends."""
    how = draw(st.sampled_from(["none"] * 6 + ["quote", "cut", "insert", "cr"]))
    at = draw(st.integers(0, len(data)))
    if how == "quote":
        return data[:at] + b'"' + data[at:]
    if how == "cut":
        return data[:at]
    if how == "insert":
        return data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    if how == "cr":
        return data.replace(b"\n", b"\r")
    return data


@st.composite
def mutated_file(draw: st.DrawFn, seed: SeedFile) -> bytes:
    """One seed file mutated in its own form, encoded, possibly damaged."""
    if draw(st.integers(0, 9)) < seed.unchanged:
        return seed.text.encode("utf-8")
    text = draw(_BY_FORM[seed.form](seed))
    encoding = draw(st.sampled_from(seed.encodings))
    return draw(damaged_bytes(text.encode(encoding, errors="replace")))


@st.composite
def mutated_files(draw: st.DrawFn, seeds: tuple[SeedFile, ...],
                  optional: frozenset[str] = frozenset()) -> dict[str, bytes]:
    """Every seed file mutated; files named in `optional` are sometimes left out."""
    return {s.name: draw(mutated_file(s)) for s in seeds
            if s.name not in optional or draw(st.integers(0, 4))}
