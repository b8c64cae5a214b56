"""Resolve organisation-name spellings into clusters, one per organisation, with reasons.

Precision first: merging two firms is worse than missing a variant. Names are linked by
identifiers (USCC, source id), manual overrides and an explainable name similarity; links
are applied to a union-find that refuses any merge breaking a cannot-link (an override
``not_same`` or two different USCCs in one cluster).

>>> r = Resolver()
>>> for name in ("LONGi Green Energy Technology Co., Ltd.", "LONGI GREEN ENERGY TECHNOLOGY CO LTD",
...              "隆基绿能科技股份有限公司", "隆基绿能", "Longyuan Power Group"):
...     r.add(name)
>>> sorted(len(c.names) for c in r.resolve())
[1, 2, 2]
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from innochain.errors import LoadError
from innochain.loaders.name_normalisation import NormalisedName, normalise_name
from innochain.loaders.name_similarity import NameMatch, NameSimilarity, candidate_pairs

DEFAULT_THRESHOLD = 0.8
DEFAULT_MAX_BLOCK = 300  # a blocking key shared by more names than this is too generic to use


@dataclass(frozen=True)
class Link:
    """One piece of evidence that joined two names into a cluster."""

    name_a: str
    name_b: str
    relation: str  # "override", "uscc", "source_id", "alias" or "similar"
    score: float = 1.0
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cluster:
    """One organisation: its canonical name, every spelling seen, and why they were merged."""

    cluster_id: str
    canonical: str
    names: tuple[str, ...]  # most frequent first
    usccs: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    parent_id: str | None = None  # SUBSIDIARY_OF candidate: a cluster whose name heads ours


@dataclass(frozen=True)
class ClusterInfo:
    """Where one name went: its cluster id, the cluster's canonical name and size."""

    cluster_id: str
    canonical: str
    size: int
    parent_id: str | None = None


@dataclass(frozen=True)
class Override:
    """A manual decision that always wins: ``same`` merges, ``not_same`` splits."""

    name_a: str
    name_b: str
    relation: str


@dataclass
class _Record:
    name: str
    norm: NormalisedName
    count: int = 0
    usccs: set[str] = field(default_factory=set)
    source_ids: set[str] = field(default_factory=set)


def read_overrides(path: str | Path) -> list[Override]:
    """Read a CSV ``name_a,name_b,relation`` (relation ``same`` or ``not_same``)."""
    path = Path(path)
    if not path.is_file():
        raise LoadError(f"override file {path} not found: "
                        "give an existing CSV with columns name_a,name_b,relation")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"name_a", "name_b", "relation"} - set(reader.fieldnames or ())
        if missing:
            raise LoadError(f"{path}: missing column(s) {', '.join(sorted(missing))}; "
                            "the header must be name_a,name_b,relation")
        overrides = []
        for line, row in enumerate(reader, start=2):
            relation = (row["relation"] or "").strip().lower()
            if relation not in ("same", "not_same"):
                raise LoadError(f"{path}:{line}: relation {row['relation']!r} is neither "
                                "'same' nor 'not_same'")
            overrides.append(Override(row["name_a"].strip(), row["name_b"].strip(), relation))
    return overrides


class ConstrainedUnionFind:
    """Union-find that refuses merges breaking a cannot-link or joining two USCCs."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.cannot: dict[int, set[int]] = defaultdict(set)
        self.usccs: dict[int, set[str]] = defaultdict(set)

    def find(self, node: int) -> int:
        """The root of ``node``'s set (with path halving)."""
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def forbid(self, a: int, b: int) -> None:
        """Record that ``a`` and ``b`` must never share a set."""
        self.cannot[self.find(a)].add(b)
        self.cannot[self.find(b)].add(a)

    def allowed(self, a: int, b: int) -> bool:
        """Whether merging the sets of ``a`` and ``b`` keeps every constraint."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if len(self.usccs[ra] | self.usccs[rb]) > 1:
            return False
        return not any(self.find(x) == rb for x in self.cannot[ra]) and not any(
            self.find(x) == ra for x in self.cannot[rb])

    def union(self, a: int, b: int, *, force: bool = False) -> bool:
        """Merge two sets if allowed (or ``force``); return whether they are now one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not force and not self.allowed(a, b):
            return False
        self.parent[rb] = ra
        self.cannot[ra] |= self.cannot.pop(rb, set())
        self.usccs[ra] |= self.usccs.pop(rb, set())
        return True


class Resolver:
    """Collect names with optional identifiers, then cluster them into organisations.

    Rules, strongest first: overrides ``same``; shared USCC, source id or an alias given to
    ``add``; name similarity at or above ``threshold``. Overrides ``not_same`` and differing
    USCCs are cannot-links no similarity can break. Containment rules (a short name inside a
    registered name, an acronym) join only when all the names they point to are one cluster.
    The canonical name of a cluster is its most frequent spelling that carries a legal form
    (a registered form); ties go to the longest, then the alphabetically first.
    """

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD,
                 overrides: str | Path | Iterable[Override] | None = None,
                 max_block: int = DEFAULT_MAX_BLOCK) -> None:
        self.threshold = threshold
        self.max_block = max_block
        if isinstance(overrides, str | Path):
            overrides = read_overrides(overrides)
        self.overrides = list(overrides or ())
        self._records: dict[tuple[str, str | None], _Record] = {}
        self._aliases: list[tuple[str, str]] = []

    def add(self, name: str, *, source_id: str | None = None, uscc: str | None = None,
            aliases: Iterable[str] = ()) -> None:
        """Add one mention of ``name``; ``aliases`` are other names of the same organisation."""
        name = name.strip()
        if not name:
            return
        uscc = uscc.strip().upper() if uscc and uscc.strip() else None
        record = self._records.get((name, uscc))
        if record is None:
            record = self._records[(name, uscc)] = _Record(name, normalise_name(name))
        record.count += 1
        if uscc:
            record.usccs.add(uscc)
        if source_id:
            record.source_ids.add(str(source_id))
        for alias in aliases:
            if alias.strip():
                self.add(alias, uscc=uscc)
                self._aliases.append((name, alias.strip()))

    def explain(self, name_a: str, name_b: str) -> NameMatch:
        """The name similarity of two names, with the parts that agreed."""
        similarity = NameSimilarity(r.norm for r in self._records.values())
        return similarity.compare(normalise_name(name_a), normalise_name(name_b))

    def resolve(self) -> list[Cluster]:
        """Cluster every name added so far; clusters sorted by canonical name."""
        records = list(self._records.values())
        forest = ConstrainedUnionFind(len(records))
        for index, record in enumerate(records):
            forest.usccs[index] |= record.usccs
        links: list[Link] = []
        self._apply_overrides(records, forest, links)
        self._apply_identifiers(records, forest, links)
        parents = self._apply_similarity(records, forest, links)
        return self._clusters(records, forest, links, parents)

    def resolve_names(self, names: Iterable[str]) -> dict[str, ClusterInfo]:
        """Add ``names`` and resolve; map each name to its cluster."""
        for name in names:
            self.add(name)
        info: dict[str, ClusterInfo] = {}
        for cluster in self.resolve():
            for name in cluster.names:
                info[name] = ClusterInfo(cluster.cluster_id, cluster.canonical, len(cluster.names),
                                         cluster.parent_id)
        return info

    def _apply_overrides(self, records: list[_Record], forest: ConstrainedUnionFind,
                         links: list[Link]) -> None:
        by_name = _indices_by_name(records)
        for override in self.overrides:
            for a in by_name.get(override.name_a, ()):
                for b in by_name.get(override.name_b, ()):
                    if override.relation == "not_same":
                        forest.forbid(a, b)
                    elif forest.union(a, b, force=True):
                        links.append(Link(override.name_a, override.name_b, "override"))

    def _apply_identifiers(self, records: list[_Record], forest: ConstrainedUnionFind,
                           links: list[Link]) -> None:
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        for index, record in enumerate(records):
            for uscc in record.usccs:
                groups[("uscc", uscc)].append(index)
            for source_id in record.source_ids:
                groups[("source_id", source_id)].append(index)
        by_name = _indices_by_name(records)
        for a_name, b_name in self._aliases:
            groups[("alias", a_name)] += by_name[a_name] + by_name[b_name]
        for (relation, _), members in groups.items():
            for other in members[1:]:
                if forest.union(members[0], other):
                    links.append(Link(records[members[0]].name, records[other].name, relation))

    def _apply_similarity(self, records: list[_Record], forest: ConstrainedUnionFind,
                          links: list[Link]) -> dict[int, int]:
        """Join similar names; return containment-only links as {child: parent} candidates."""
        norms = [r.norm for r in records]
        similarity = NameSimilarity(norms)
        strong: list[tuple[float, int, int, NameMatch]] = []
        weak: dict[int, list[tuple[int, NameMatch]]] = defaultdict(list)
        for i, j in candidate_pairs(norms, self.max_block):
            match = similarity.kept_match(norms[i], norms[j], self.threshold)
            if match is None:  # below the threshold and no containment rule
                continue
            if match.score >= self.threshold:
                strong.append((match.score, i, j, match))
            else:  # a containment rule ("head", "inside", ...) below the threshold
                short, long_ = (i, j) if _shorter(norms[i], norms[j]) else (j, i)
                weak[short].append((long_, match))
        strong.sort(key=lambda item: (-item[0], item[1], item[2]))
        for score, i, j, match in strong:
            if forest.find(i) != forest.find(j) and forest.union(i, j):
                links.append(Link(records[i].name, records[j].name, "similar", score,
                                  match.reasons))
        return self._apply_containment(records, forest, links, weak)

    def _apply_containment(self, records: list[_Record], forest: ConstrainedUnionFind,
                           links: list[Link], weak: dict[int, list[tuple[int, NameMatch]]],
                           ) -> dict[int, int]:
        """Join a short name to the names containing it only when they are one cluster; a
        name heading several clusters ("Hoechst" / "Hoechst Celanese", "Hoechst Japan") is
        returned as their parent candidate instead ({child index: parent index})."""
        joins: list[tuple[int, tuple[int, NameMatch]]] = []
        parents: dict[int, int] = {}
        for short, partners in sorted(weak.items()):
            roots = {forest.find(long_) for long_, _ in partners}
            if len(roots) == 1:
                joins.append((short, partners[0]))
                continue
            for long_, match in partners:
                known = parents.get(long_)
                if match.kind == "head" and (known is None or _shorter(records[known].norm,
                                                                        records[short].norm)):
                    parents[long_] = short
        for short, (long_, match) in joins:
            if forest.find(short) != forest.find(long_) and forest.union(short, long_):
                links.append(Link(records[short].name, records[long_].name, match.kind,
                                  match.score, match.reasons))
        return parents

    def _clusters(self, records: list[_Record], forest: ConstrainedUnionFind,
                  links: list[Link], parents: dict[int, int]) -> list[Cluster]:
        members: dict[int, list[int]] = defaultdict(list)
        for index in range(len(records)):
            members[forest.find(index)].append(index)
        link_groups: dict[int, list[Link]] = defaultdict(list)
        first_index = {r.name: i for i, r in reversed(list(enumerate(records)))}
        for link in links:
            link_groups[forest.find(first_index[link.name_a])].append(link)
        roots = sorted(members, key=lambda root: (
            canonical_name([records[i] for i in members[root]]), records[members[root][0]].name))
        width = len(str(len(roots)))
        cluster_id = {root: f"C{number:0{width}d}" for number, root in enumerate(roots, start=1)}
        parent_of = cluster_parents(forest, parents, records)
        clusters = []
        for root in roots:
            group = sorted((records[i] for i in members[root]), key=lambda r: (-r.count, r.name))
            parent = parent_of.get(root)
            clusters.append(Cluster(
                cluster_id=cluster_id[root], canonical=canonical_name(group),
                names=tuple(dict.fromkeys(r.name for r in group)),
                usccs=tuple(sorted({u for r in group for u in r.usccs})),
                source_ids=tuple(sorted({s for r in group for s in r.source_ids})),
                links=tuple(link_groups.get(root, ())),
                parent_id=cluster_id[parent] if parent is not None else None))
        return clusters


def cluster_parents(forest: ConstrainedUnionFind, parents: dict[int, int],
                    records: list[_Record]) -> dict[int, int]:
    """Parent cluster root of each cluster root: its most specific (longest) heading name."""
    best: dict[int, int] = {}
    for child, parent in parents.items():
        child_root, parent_root = forest.find(child), forest.find(parent)
        if child_root == parent_root:
            continue
        known = best.get(child_root)
        if known is None or _shorter(records[known].norm, records[parent].norm):
            best[child_root] = parent
    result = {child: forest.find(parent) for child, parent in best.items()}
    return {c: p for c, p in result.items() if result.get(p) != c}


def _shorter(a: NormalisedName, b: NormalisedName) -> bool:
    """Whether ``a`` is the shorter (contained) side of a pair: fewer words, then letters."""
    return (len(a.tokens), len(a.key)) <= (len(b.tokens), len(b.key))


def canonical_name(group: list[_Record]) -> str:
    """Most frequent registered spelling (one with a legal form); ties: longest, then A-Z."""
    counts: Counter[str] = Counter()
    for record in group:
        counts[record.name] += record.count
    registered = [n for n in counts if normalise_name(n).legal_forms] or list(counts)
    return min(registered, key=lambda n: (-counts[n], -len(n), n))


def _indices_by_name(records: list[_Record]) -> dict[str, list[int]]:
    by_name: dict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        by_name[record.name].append(index)
    return by_name
