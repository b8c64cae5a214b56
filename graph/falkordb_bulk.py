"""A create-only load of an empty FalkorDB graph through GRAPH.BULK (the FreshGraphLoad).

MERGE looks every key up before it writes; into an empty graph there is nothing to find, so
this keeps the key -> node id map in Python instead and sends nodes and relationships as
GRAPH.BULK blocks (graph/falkordb_bulk_format.py), the way the falkordb-bulk-loader tool
does, while a second thread encodes the next batch. The graph it leaves is the one the MERGE
path would leave:

- a node per (label, key); repeats merge, later values win, None removes, role labels add;
- a relationship per (type, ends, `key_props` values); a repeat merges its properties;
- a relationship whose end was never given is not written: its ticket comes back as dangling;
- a repeat arriving after its node or relationship was sent, and any value the bulk format
  cannot carry, is written afterwards with the MERGE statements of graph/writes.py (so a bad
  value fails exactly as it does there).

The server numbers nodes in arrival order from 0 in a graph created empty; the store hands
out this load only for such a graph and the load checks the numbering as it goes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import chain
from typing import Any

from innochain.errors import LoadError
from innochain.graph import falkordb_bulk_format as fmt
from innochain.graph.cypher_text import graph_cypher
from innochain.graph.schema import node_type, rel_type
from innochain.graph.store import FreshLoadResult, GraphStore
from innochain.graph.writes import node_merge_statement, upsert_nodes, upsert_relationships

BATCHES_PER_CALL = 10  # one GRAPH.BULK call carries this many of the caller's batches
# ... or fewer, once the queued nodes' text reaches this many characters, so that a file of
# long abstracts keeps the load's memory near one batch's worth, as on the MERGE path.
CHARS_PER_CALL = 4_000_000
Send = Callable[[list[Any]], Any]


# rel, src_label, src, dst_label, dst, props, rkey, ticket (a tuple: millions are queued)
_Edge = tuple[str, str, str, str, str, Mapping[str, Any], Mapping[str, Any] | None, Any]


class FalkorDBFreshLoad:
    """GRAPH.BULK batches into a graph that held no node when the load began."""

    def __init__(self, store: GraphStore, send: Send, batch_size: int = 5000) -> None:
        # nodes + relationships per call: 50,000 for the usual 5,000 (fewer calls load faster)
        self.store, self._send = store, send
        self._batch = max(1, batch_size * BATCHES_PER_CALL)
        self._ids: dict[str, dict[str, int]] = {}  # label -> key -> node id
        self._sent_fp: dict[str, dict[str, int | None]] = {}  # label -> key -> props hash
        self._sent_roles: dict[str, set[str]] = {}  # Organization key -> role labels sent
        self._next_id = 0
        # queued, not yet numbered: label -> key -> [props, role labels or None]
        self._nodes: dict[str, dict[str, list[Any]]] = {}
        self._edges: list[_Edge] = []
        self._edges_sent: dict[str, set[Any]] = {}  # type -> identities already written
        self._node_updates: list[tuple[str, str | None, dict[str, Any]]] = []
        self._edge_updates: list[tuple[str, str, str, dict[str, Any]]] = []
        self._result = FreshLoadResult()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="graph-bulk")
        self._in_flight: list[Future[Any]] = []
        self._checked = False
        self._queued = 0  # nodes + relationships waiting for the next batch
        self._queued_chars = 0  # characters of string values in the queued nodes
        self._kinds_seen: set[tuple[str, str | None]] = set()

    # -- the FreshGraphLoad surface ---------------------------------------------------------
    def add_node(self, label: str, key: str, props: Mapping[str, Any],
                 role: str | None = None) -> None:
        of_label = self._nodes.get(label)
        if of_label is None:
            node_merge_statement(label)  # an undeclared label fails here, as in MERGE
            of_label = self._nodes[label] = {}
        if role is not None and (label, role) not in self._kinds_seen:
            node_merge_statement(label, role)  # so does a role on the wrong label
            self._kinds_seen.add((label, role))
        queued = of_label.get(key)
        if queued is not None:  # later values win
            queued[0].update(props)
            if role:
                queued[1] = {*(queued[1] or ()), role}
            return
        sent = self._ids.get(label)
        if sent is not None and key in sent:
            self._repeat_of_sent_node(label, key, props, role)
            return
        of_label[key] = [dict(props), {role} if role else None]
        self._queued += 1
        for value in props.values():
            if type(value) is str:
                self._queued_chars += len(value)
        if self._queued >= self._batch or self._queued_chars >= CHARS_PER_CALL:
            self._flush()

    def add_relationship(self, rel: str, src_label: str, src: str, dst_label: str, dst: str,
                         props: Mapping[str, Any], rkey: Mapping[str, Any] | None,
                         ticket: Any) -> None:
        self._edges.append((rel, src_label, src, dst_label, dst, props, rkey, ticket))
        self._queued += 1
        if self._queued >= self._batch:
            self._flush()

    def finish(self) -> FreshLoadResult:
        try:
            self._flush()
            self._wait(0)
            self._check_numbering(final=True)
            self._write_updates()
        finally:
            self._pool.shutdown(wait=True)
        return self._result

    # -- batching --------------------------------------------------------------------------
    def _repeat_of_sent_node(self, label: str, key: str, props: Mapping[str, Any],
                             role: str | None) -> None:
        same_roles = not role or role in self._sent_roles.get(key, ())
        known = self._sent_fp[label].get(key)
        if same_roles and known is not None and fmt.fingerprint(props) == known:
            return  # the same values again: nothing to change
        self._node_updates.append((label, role, {"key": key, "props": dict(props)}))
        self._sent_fp[label][key] = None  # changed since it was sent: repeats update it too
        self._result.nodes += 1
        if role:
            self._sent_roles.setdefault(key, set()).add(role)

    def _flush(self) -> None:
        self._queued = self._queued_chars = 0
        if not self._nodes and not self._edges:
            return
        node_blocks, node_count, last = self._node_blocks()
        edge_blocks, edge_count = self._edge_blocks()
        args: list[Any] = [node_count, edge_count, len(node_blocks), len(edge_blocks),
                           *node_blocks, *edge_blocks]
        self._wait(1)  # at most one batch on the wire while this one was encoded
        self._in_flight.append(self._pool.submit(self._send, args))
        if not self._checked and last is not None:
            self._wait(0)
            self._check_numbering(last=last)
            self._checked = True

    def _wait(self, keep: int) -> None:
        while len(self._in_flight) > keep:
            self._in_flight.pop(0).result()  # re-raises a failed send here

    def _node_blocks(self) -> tuple[list[memoryview], int, tuple[str, str, int] | None]:
        blocks: list[memoryview] = []
        count, last = 0, None
        queued, self._nodes = self._nodes, {}
        for label, of_label in queued.items():
            groups: dict[tuple[str, ...], list[tuple[str, Mapping[str, Any]]]] = {}
            for key, (props, roles) in of_label.items():
                groups.setdefault(tuple(sorted(roles)) if roles else (), []).append((key, props))
            for roles, members in groups.items():
                blocks += self._node_group(label, roles, members)
                count += len(members)
                last = (label, members[-1][0], self._next_id - 1)
        self._result.nodes += count
        return blocks, count, last

    def _node_group(self, label: str, roles: tuple[str, ...],
                    members: list[tuple[str, Mapping[str, Any]]]) -> list[memoryview]:
        """The blocks of one label set; numbers each node as the server will."""
        key_prop = node_type(label).key
        columns = [c for c in dict.fromkeys(chain.from_iterable(p for _, p in members))
                   if c != key_prop]
        name = ":".join((label, *roles))
        ids = self._ids.setdefault(label, {})
        fps = self._sent_fp.setdefault(label, {})
        blocks: list[memoryview] = []
        out = fmt.header(name, [key_prop, *columns])
        base = len(out)
        next_id = self._next_id
        for key, props in members:
            mark = len(out)
            try:
                fmt.encode_string(out, props.get(key_prop, key) if key_prop in props else key)
                fmt.encode_values(out, columns, props)
            except fmt.Unencodable:  # created by key; the MERGE update carries the rest
                del out[mark:]
                fmt.encode_string(out, key)
                fmt.encode_values(out, columns, {})
                self._node_updates.append((label, None, {"key": key, "props": dict(props)}))
            ids[key] = next_id
            fps[key] = fmt.fingerprint(props)
            if roles:
                self._sent_roles[key] = set(roles)
            next_id += 1
            if len(out) >= fmt.BLOCK_BYTES:
                blocks.append(memoryview(out))
                out = fmt.header(name, [key_prop, *columns])
        if len(out) > base:
            blocks.append(memoryview(out))
        self._next_id = next_id
        return blocks

    def _edge_blocks(self) -> tuple[list[memoryview], int]:
        batch: dict[str, dict[Any, list[Any]]] = {}
        ids = self._ids
        dangling = self._result.dangling
        dangled = len(dangling)
        key_props_of = {rel: rel_type(rel).key_props for rel in {e[0] for e in self._edges}}
        for rel in key_props_of:
            batch[rel] = {}
            self._edges_sent.setdefault(rel, set())
        for edge in self._edges:
            rel, src_label, src_key, dst_label, dst_key, props, rkey_given, ticket = edge
            try:
                src = ids[src_label][src_key]
                dst = ids[dst_label][dst_key]
            except KeyError:
                dangling.append(ticket)
                continue
            key_props = key_props_of[rel]
            if key_props:
                rkey = _identity(key_props, rel, rkey_given)
                ident: Any = (src, dst, *(rkey[k] for k in key_props))
                props = {**rkey, **props}
            else:
                rkey, ident = {}, (src << 32) | dst
            of_type = batch[rel]
            queued = of_type.get(ident)
            if queued is not None:
                queued[2] = {**queued[2], **props}
            elif ident in self._edges_sent[rel]:
                self._edge_updates.append((rel, src_label, dst_label, {
                    "src": src_key, "dst": dst_key, "props": dict(props), "rkey": rkey}))
            else:
                of_type[ident] = [src, dst, props, edge]
        self._result.relationships += len(self._edges) - (len(dangling) - dangled)
        self._edges = []
        blocks: list[memoryview] = []
        count = 0
        for rel, edges in batch.items():
            if edges:
                self._edges_sent[rel].update(edges)
                blocks += self._edge_group(rel, list(edges.values()))
                count += len(edges)
        return blocks, count

    def _edge_group(self, rel: str, edges: list[list[Any]]) -> list[memoryview]:
        """The blocks of one relationship type."""
        columns = list(dict.fromkeys(chain.from_iterable(entry[2] for entry in edges)))
        blocks: list[memoryview] = []
        out = fmt.header(rel, columns)
        base = len(out)
        ends, values, value = fmt.encode_ends, fmt.encode_values, fmt.encode_value
        for src, dst, props, edge in edges:
            mark = len(out)
            try:
                ends(out, src, dst)
                for column in columns:  # inline: this runs for every value of every edge
                    value(out, props.get(column))
            except fmt.Unencodable:  # identity only; MERGE sets (or refuses) the rest
                del out[mark:]
                rkey = {k: props[k] for k in rel_type(rel).key_props}
                ends(out, src, dst)
                values(out, columns, rkey)
                self._edge_updates.append((rel, edge[1], edge[3], {
                    "src": edge[2], "dst": edge[4], "props": dict(props), "rkey": rkey}))
            if len(out) >= fmt.BLOCK_BYTES:
                blocks.append(memoryview(out))
                out = fmt.header(rel, columns)
        if len(out) > base:
            blocks.append(memoryview(out))
        return blocks

    # -- checks and the MERGE remainder ----------------------------------------------------
    def _check_numbering(self, last: tuple[str, str, int] | None = None,
                         final: bool = False) -> None:
        """The server must have numbered nodes as this load did, else edges would be wrong."""
        if last is not None:
            label, key, expected = last
            spec = node_type(label)
            # By id, not by key: the key index does not find very long strings (fuzzing).
            frame = self.store.run(f"MATCH (n:{spec.label}) WHERE id(n) = $i "
                                   f"RETURN n.{spec.key} AS k", {"i": expected}, read_only=True)
            got = None if frame.empty else frame.iloc[0]["k"]
            if got != key:
                shown = key if len(key) <= 80 else key[:77] + "..."
                raise LoadError(f"the graph changed while it was bulk-loaded (node {expected} "
                                f"is not {shown!r}): clear it and load again")
        if final:
            frame = self.store.run(graph_cypher("node_count"), read_only=True)
            if int(frame.iloc[0]["n"]) != self._next_id:
                raise LoadError(f"the graph holds {int(frame.iloc[0]['n'])} nodes after a bulk "
                                f"load of {self._next_id}: another writer was at work; clear "
                                "it and load again")

    def _write_updates(self) -> None:
        """Later repeats and unencodable values, in arrival order, through MERGE."""
        for (label, role), rows in _runs(self._node_updates):
            merged: dict[str, dict[str, Any]] = {}  # one row per key: FalkorDB applies only
            for row in rows:  # one of several MERGE rows for a key in one statement
                merged.setdefault(row["key"], {}).update(row["props"])
            upsert_nodes(self.store, label, [{"key": k, "props": p} for k, p in merged.items()],
                         role=role)
        for (rel, src_label, dst_label), rows in _runs(self._edge_updates):
            upsert_relationships(self.store, rel, src_label, dst_label, rows)


def _identity(key_props: tuple[str, ...], rel: str,
              rkey: Mapping[str, Any] | None) -> dict[str, Any]:
    values = dict(rkey or {})
    missing = [k for k in key_props if values.get(k) is None]
    if missing:
        raise ValueError(f"{rel} needs {missing} in rkey")
    return values


def _runs(items: list[tuple[Any, ...]]) -> list[tuple[Any, list[Any]]]:
    """Consecutive items with the same head, grouped, order kept."""
    out: list[tuple[Any, list[Any]]] = []
    for *head_parts, row in items:
        head = tuple(head_parts)
        if out and out[-1][0] == head:
            out[-1][1].append(row)
        else:
            out.append((head, [row]))
    return out
