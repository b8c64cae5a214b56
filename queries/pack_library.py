"""Finding and loading the query packs: the shipped ones, and any extra pack folders.

A pack is a folder of `.cypher` files with a `pack.yaml` (title and description in zh and
en, and its place in listings). Folders whose names start with `_` hold internal queries
(such as the id lookups the runner uses) and are not listed as packs.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from innochain.errors import QueryPackError
from innochain.queries.pack_format import Bilingual, PackFileError, QuerySpec, parse_query_file

PACK_FILE = "pack.yaml"
# Extra pack folders (os.pathsep-separated), e.g. a park's own queries beside the shipped ones.
ENV_EXTRA_PACKS = "INNOCHAIN_QUERY_PATH"


@dataclass(frozen=True)
class PackInfo:
    """A pack: its name, titles, and the ids of its queries in listing order."""

    name: str
    title: Bilingual
    description: Bilingual
    order: int
    queries: tuple[str, ...]


@dataclass(frozen=True)
class QueryLibrary:
    """Every loaded query by id (internal ones included) and the public packs by name."""

    packs: dict[str, PackInfo]
    queries: dict[str, QuerySpec]

    def pack(self, name: str) -> PackInfo:
        """The pack of that name, or an error listing close names."""
        if name not in self.packs:
            raise QueryPackError(f"no query pack {name!r}{_suggest(name, list(self.packs))}; "
                                 "`innochain packs` lists them")
        return self.packs[name]

    def query(self, query_id: str) -> QuerySpec:
        """The query with that id (`pack.name`), or an error listing close ids."""
        if query_id in self.queries:
            return self.queries[query_id]
        pack = query_id.split(".", 1)[0]
        if "." not in query_id or pack not in self.packs:
            candidates = list(self.packs) + self.public_ids()
        else:
            candidates = list(self.packs[pack].queries)
        raise QueryPackError(f"no query {query_id!r}{_suggest(query_id, candidates)}; "
                             "`innochain packs` lists the packs and their queries")

    def public_ids(self) -> list[str]:
        """Ids of the queries in public packs, in listing order."""
        return [qid for pack in self.ordered_packs() for qid in pack.queries]

    def ordered_packs(self) -> list[PackInfo]:
        """Public packs in their declared order."""
        return sorted(self.packs.values(), key=lambda p: (p.order, p.name))


def _suggest(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=3, cutoff=0.5)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def shipped_packs_root() -> Path:
    """The folder that holds the shipped pack folders.

    Looked up through the installed package first; when an install does not carry the
    pack folders (they are data, not Python packages), the folder beside this module's
    real file is used (an editable install links the module back to the source tree).
    """
    try:
        root = resources.files("innochain.queries")
        candidate = Path(str(root))
        if (candidate / "landscape" / PACK_FILE).is_file():
            return candidate
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent


def extra_pack_roots() -> list[Path]:
    """Extra pack folders named by INNOCHAIN_QUERY_PATH."""
    value = os.environ.get(ENV_EXTRA_PACKS, "")
    return [Path(p) for p in value.split(os.pathsep) if p]


def load_library(roots: list[Path] | None = None) -> QueryLibrary:
    """Load every pack under the roots (default: shipped packs, then INNOCHAIN_QUERY_PATH)."""
    if roots is None:
        return _default_library()
    return _load(tuple(roots))


@lru_cache(maxsize=1)
def _default_library() -> QueryLibrary:
    return _load((shipped_packs_root(), *extra_pack_roots()))


def _load(roots: tuple[Path, ...]) -> QueryLibrary:
    queries: dict[str, QuerySpec] = {}
    pack_meta: dict[str, tuple[Bilingual, Bilingual, int]] = {}
    for root in roots:
        for folder in sorted(p for p in root.iterdir() if _is_pack_folder(p)):
            if not folder.name.startswith("_") and folder.name not in pack_meta:
                pack_meta[folder.name] = _read_pack_file(folder)
            for path in sorted(folder.glob("*.cypher")):
                spec = parse_query_file(path, folder.name)
                if spec.id in queries:
                    raise PackFileError(path, 1, f"duplicate query id {spec.id!r}: also defined "
                                        f"in {queries[spec.id].path}:1; rename one of them")
                queries[spec.id] = spec
    packs = {
        name: PackInfo(name, title, description, order,
                       tuple(sorted(q for q in queries if q.startswith(f"{name}."))))
        for name, (title, description, order) in pack_meta.items()
    }
    return QueryLibrary(packs=packs, queries=queries)


def _is_pack_folder(path: Path) -> bool:
    return path.is_dir() and not path.name.startswith((".", "__")) and any(path.glob("*.cypher"))


def _read_pack_file(folder: Path) -> tuple[Bilingual, Bilingual, int]:
    path = folder / PACK_FILE
    if not path.is_file():
        raise PackFileError(path, 1, f"pack {folder.name} has no {PACK_FILE}: add one with "
                            "title {zh, en}, description {zh, en} and order")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PackFileError(path, 1 + (mark.line if mark else 0),
                            f"not valid YAML: {getattr(exc, 'problem', exc)}") from None
    texts = []
    for key in ("title", "description"):
        value = data.get(key) if isinstance(data, dict) else None
        if not isinstance(value, dict) or not value.get("zh") or not value.get("en"):
            raise PackFileError(path, 1, f"{key} needs both zh and en")
        texts.append(Bilingual(str(value["zh"]), str(value["en"])))
    return texts[0], texts[1], int(data.get("order", 99))
