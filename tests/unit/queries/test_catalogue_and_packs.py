"""The shipped packs: found through the installed package, portable Cypher, documented."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from innochain.queries import catalogue as catalogue_module
from innochain.queries.catalogue import catalogue_markdown
from innochain.queries.cypher_text import blank_comments_and_strings
from innochain.queries.pack_library import load_library, shipped_packs_root

ROOT = Path(__file__).resolve().parents[3]
LIBRARY = load_library()
MY_PACKS = ("landscape", "layout", "risk", "exploit", "match")

# Constructs FalkorDB lacks or that differ between engines (DESIGN.md, Portable Cypher).
FORBIDDEN = {
    "EXISTS {}": re.compile(r"\bEXISTS\s*\{", re.I),
    "COUNT {}": re.compile(r"\bCOUNT\s*\{", re.I),
    "exists(pattern)": re.compile(r"\bexists\s*\(\s*\(", re.I),
    "=~": re.compile(r"=~"),
    "round(x, n)": re.compile(r"\bround\s*\([^()]*(\([^()]*\)[^()]*)*,", re.I),
    "label expression :A|B": re.compile(r"\(\s*\w*\s*:\s*\w+\s*\|"),
    "unbounded var-length": re.compile(r"\*\s*(\]|\d*\s*\.\.\s*\])"),
    "elementId": re.compile(r"\belementId\s*\(", re.I),
    "shortestPath": re.compile(r"\bshortestPath\b", re.I),
    "datetime/duration": re.compile(r"\b(datetime|duration)\s*[.(]", re.I),
}


def test_packs_are_found_through_the_installed_package() -> None:
    installed = Path(str(resources.files("innochain.queries")))
    assert shipped_packs_root() == installed
    source = Path(catalogue_module.__file__).resolve().parent
    wanted = {p.relative_to(source) for p in source.glob("*/*") if p.suffix in (".cypher", ".yaml")}
    seen = {p.relative_to(installed) for p in installed.glob("*/*")
            if p.suffix in (".cypher", ".yaml")}
    # A strict editable install links only the files that existed when it ran.
    assert wanted <= seen, (f"not installed: {sorted(map(str, wanted - seen))}; run pip install "
                            "--no-deps -e . --config-settings editable_mode=strict")


def test_five_packs_hold_at_least_25_queries() -> None:
    counts = {name: len(LIBRARY.pack(name).queries) for name in MY_PACKS}
    assert all(n >= 4 for n in counts.values()), counts
    assert sum(counts.values()) >= 25


@pytest.mark.parametrize("query_id", sorted(LIBRARY.queries))
def test_every_query_is_portable_cypher(query_id: str) -> None:
    code = blank_comments_and_strings(LIBRARY.queries[query_id].cypher)
    found = [name for name, pattern in FORBIDDEN.items() if pattern.search(code)]
    assert not found, f"{query_id} uses {found}"


@pytest.mark.parametrize("query_id", [q for q in sorted(LIBRARY.queries)
                                      if q.split(".")[0] in MY_PACKS])
def test_every_query_orders_its_rows(query_id: str) -> None:
    code = blank_comments_and_strings(LIBRARY.queries[query_id].cypher)
    last_return = code.rfind("RETURN")
    assert "ORDER BY" in code[last_return:], f"{query_id}: final RETURN has no ORDER BY"


def test_docs_packs_md_is_current() -> None:
    page = (ROOT / "docs" / "packs.md").read_text(encoding="utf-8")
    assert page == catalogue_markdown(LIBRARY), (
        "docs/packs.md is stale: run `python -m innochain.queries.catalogue > docs/packs.md`")
