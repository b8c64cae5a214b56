"""Entity resolution in every load: the file's organisations and the graph's, resolved together.

Two passes over a loader's records (loaders are deterministic generators, so they can run
twice): the first only collects the organisations a load would write; `Resolver` clusters
them with the organisations already in the graph (names, English names, aliases, USCCs,
overrides); the second pass rewrites node ids so that every spelling lands on one node:

- a cluster that holds a node already in the graph maps onto it (a USCC node first);
- otherwise onto a USCC id, else onto the id of the cluster's canonical name;
- the renamed rows keep their other facts but not their spelling as `name`: every
  spelling of the cluster goes into the node's `aliases`, so nothing is lost;
- the override file (`same` / `not_same` pairs) always wins; a wrong merge is undone by a
  `not_same` line and a reload, without touching code.

Nodes already in the graph are never merged with each other here (that would need a graph
rewrite); such clusters are reported in `Resolution.graph_duplicates`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from innochain.loaders.entity_resolution import DEFAULT_THRESHOLD, Resolver
from innochain.loaders.load_context import organization_directory
from innochain.loaders.organization_ids import organization_key
from innochain.loaders.records import EdgeRecord, NodeRecord, Record

ORG = "Organization"
_NAME_PROPS = ("name", "name_en", "aliases")


@dataclass
class Resolution:
    """Where each loader id goes, and the names each resolved node is known by."""

    target: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    roles: dict[str, str | None] = field(default_factory=dict)
    graph_duplicates: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def merged(self) -> int:
        """How many loader ids were renamed onto another node."""
        return len(self.target)


def resolve_organizations(records: Iterable[Record], known: Iterable[Mapping[str, Any]], *,
                          threshold: float = DEFAULT_THRESHOLD,
                          overrides: Path | None = None) -> Resolution:
    """Cluster the organisations of `records` with the `known` ones (rows: id, name,
    name_en, aliases, uscc) and decide where each loader id goes."""
    resolver = Resolver(threshold=threshold, overrides=overrides)
    known_names: dict[str, set[str]] = {}
    alias_index = _alias_index(known := list(known))
    for row in known:
        known_names[str(row["id"])] = {n for n in (row.get("name"), row.get("name_en"),
                                                   *(row.get("aliases") or []))
                                       if isinstance(n, str) and n.strip()}
        _add(resolver, str(row["id"]), row)
    roles: dict[str, str | None] = {}
    names_of: dict[str, list[str]] = {}  # every spelling a loader id was seen with, in order
    for rec in records:
        if isinstance(rec, NodeRecord) and rec.label == ORG:
            _add(resolver, rec.key, rec.props)
            roles.setdefault(rec.key, rec.role)
            seen = names_of.setdefault(rec.key, [])
            for field_name in ("name", "name_en"):
                value = rec.props.get(field_name)
                if isinstance(value, str) and value.strip() and value not in seen:
                    seen.append(value)
    return _decide(resolver, known_names, roles, names_of, alias_index)


def _alias_index(known: list[Mapping[str, Any]]) -> dict[str, str]:
    """Name key -> node id for every name and alias in the graph (ambiguous keys left out).

    A spelling the graph already knows goes back to the node that holds it, whatever the
    cluster around it now looks like: this keeps a reload from moving rows between nodes.
    """
    return {key: str(node) for key, node in organization_directory(known).items()}


def _add(resolver: Resolver, node_id: str, props: Mapping[str, Any]) -> None:
    names = [n for n in (props.get("name"), props.get("name_en")) if isinstance(n, str) and n]
    aliases = [a for a in (props.get("aliases") or []) if isinstance(a, str)]
    uscc = props.get("uscc") if isinstance(props.get("uscc"), str) else None
    if not names:
        names = [node_id.split(":", 1)[-1]]
    for name in names:
        resolver.add(name, source_id=node_id, uscc=uscc, aliases=[*aliases, *names])


def _decide(resolver: Resolver, known_names: dict[str, set[str]],
            roles: dict[str, str | None], names_of: dict[str, list[str]],
            alias_index: dict[str, str]) -> Resolution:
    out = Resolution()
    known_ids = set(known_names)
    for cluster in resolver.resolve():
        ids = sorted(set(cluster.source_ids))
        if not ids:
            continue
        in_graph = [i for i in ids if i in known_ids]
        if len(in_graph) > 1:
            out.graph_duplicates.append(tuple(in_graph))
        target = _choose_target(ids, in_graph, cluster.canonical, names_of)
        homes = {i: i if i in known_ids else
                 (_known_home(names_of.get(i), alias_index) or target) for i in ids}
        for node_id, home in homes.items():
            if home != node_id:
                out.target[node_id] = home
        # Each node keeps the spellings that land on it, and only those: a spelling given
        # to two nodes would be ambiguous on the next load and could move rows.
        for home in set(homes.values()):
            names = set(known_names.get(home, set()))
            for i, h in homes.items():
                if h == home:
                    names.update(names_of.get(i, ()))
            if len(names) > 1 or home in out.target.values():
                out.aliases[home] = sorted(names)
                out.roles[home] = roles.get(home) or next(
                    (roles[i] for i, h in homes.items() if h == home and roles.get(i)), None)
    return out


def _known_home(names: list[str] | None, alias_index: dict[str, str]) -> str | None:
    for name in names or ():
        try:
            home = alias_index.get(organization_key(name))
        except ValueError:
            continue
        if home:
            return home
    return None


def _choose_target(ids: list[str], in_graph: list[str], canonical: str,
                   names_of: dict[str, list[str]]) -> str:
    for pool in (in_graph, ids):
        usccs = [i for i in pool if i.startswith("uscc:")]
        if usccs:
            return usccs[0]
        if pool:
            if pool is ids:
                by_name = [i for i in ids if canonical in names_of.get(i, ())]
                try:
                    canonical_key = organization_key(canonical) if canonical else ""
                except ValueError:  # a name of punctuation or legal forms only ('????')
                    canonical_key = ""
                return (by_name or [i for i in ids if i == canonical_key] or ids)[0]
            return pool[0]
    raise ValueError("empty cluster")


def apply_resolution(records: Iterable[Record], resolution: Resolution) -> Iterator[Record]:
    """The records with organisation ids rewritten; the resolved nodes' aliases first."""
    for target, names in sorted(resolution.aliases.items()):
        yield NodeRecord(ORG, target, {"aliases": names}, None, resolution.roles.get(target))
    moved = resolution.target
    for rec in records:
        if isinstance(rec, NodeRecord) and rec.label == ORG and rec.key in moved:
            props = {k: v for k, v in rec.props.items() if k not in _NAME_PROPS}
            yield NodeRecord(ORG, moved[rec.key], props, rec.origin, rec.role)
        elif isinstance(rec, EdgeRecord) and (rec.src in moved or rec.dst in moved):
            src = moved.get(rec.src, rec.src) if rec.src_label == ORG else rec.src
            dst = moved.get(rec.dst, rec.dst) if rec.dst_label == ORG else rec.dst
            yield EdgeRecord(rec.rel, rec.src_label, src, rec.dst_label, dst, rec.props,
                             rec.origin, rec.rkey, rec.field_name, rec.src_field)
        else:
            yield rec


def resolved_records(make_records: Callable[[], Iterable[Record]],
                     known: Iterable[Mapping[str, Any]], *,
                     threshold: float = DEFAULT_THRESHOLD,
                     overrides: Path | None = None,
                     make_organizations: Callable[[], Iterable[Record]] | None = None,
                     ) -> tuple[Iterator[Record], Resolution]:
    """Both passes: resolve on a first run of the loader, rewrite ids on a second.

    `make_organizations`, when the loader has one, gives the first pass only the records that
    can hold organisations (the organisation nodes of `make_records` in the same order), so
    the first pass skips the rest of the files.
    """
    resolution = resolve_organizations((make_organizations or make_records)(), known,
                                       threshold=threshold, overrides=overrides)
    return apply_resolution(make_records(), resolution), resolution
