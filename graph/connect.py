"""Pick and open the backend a URI names: the only place that knows every scheme."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import SplitResult, parse_qs, unquote, urlsplit

from innochain.errors import ConfigError
from innochain.graph.store import GraphStore, redact_uri
from innochain.settings import Settings

EMBEDDED_SCHEMES = ("falkordb",)
FALKOR_SERVER_SCHEMES = ("falkor", "redis")
NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
ACCEPTED = (
    "falkordb:///path/to/dir (embedded, the default)",
    "falkor://[user:password@]host:port (a FalkorDB server)",
    "bolt://host:7687, neo4j://host, neo4j+s://host (Neo4j 5)",
)


def split_uri(uri: str) -> SplitResult:
    """urlsplit with a ConfigError (not a ValueError traceback) for a malformed URI."""
    try:
        parts = urlsplit(uri)
        _ = parts.port  # a non-numeric port raises here
    except ValueError as exc:
        raise ConfigError(f"malformed graph URI {redact_uri(uri)!r} ({exc}); use one of: "
                          + "; ".join(ACCEPTED)) from None
    return parts


def backend_of(uri: str) -> str:
    """'falkordb' or 'neo4j' for an accepted URI; ConfigError listing the schemes otherwise."""
    scheme = split_uri(uri).scheme.lower()
    if scheme in EMBEDDED_SCHEMES or scheme in FALKOR_SERVER_SCHEMES:
        return "falkordb"
    if scheme in NEO4J_SCHEMES:
        return "neo4j"
    raise ConfigError(f"unsupported graph URI {redact_uri(uri)!r}; use one of: "
                      + "; ".join(ACCEPTED))


def embedded_data_dir(uri: str) -> Path:
    """The data directory of a falkordb:/// URI."""
    parts = split_uri(uri)
    path = unquote(parts.netloc + parts.path) if parts.netloc else unquote(parts.path)
    if not path:
        raise ConfigError("falkordb:// needs a directory, e.g. falkordb:///home/me/innochain")
    return Path(path).expanduser()


def open_store(settings: Settings | None = None, *, read_only: bool = False) -> GraphStore:
    """Open the store the settings name, starting the embedded server when needed.

    `read_only=True` (the dashboard, the query command) gives a store that cannot write by
    construction: on the embedded FalkorDB it logs in as an ACL user allowed only read-only
    graph queries; on Neo4j every call runs in a read transaction.
    """
    settings = settings or Settings.from_env()
    uri = settings.graph_uri
    backend = backend_of(uri)
    parts = split_uri(uri)
    graph = parse_qs(parts.query).get("graph", ["innochain"])[0]
    if backend == "neo4j":
        from innochain.graph.neo4j_store import Neo4jStore

        # The driver refuses user:password@ in the URI; take them as credentials instead.
        username = unquote(parts.username) if parts.username else settings.neo4j_username
        password = unquote(parts.password) if parts.password else settings.neo4j_password
        bare = parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else "")
                              if parts.hostname else parts.netloc).geturl()
        return Neo4jStore(bare, username=username, password=password,
                          database=settings.neo4j_database, read_only=read_only)
    from innochain.graph.falkordb_store import FalkorDBStore

    if parts.scheme.lower() in EMBEDDED_SCHEMES:
        return FalkorDBStore(uri, data_dir=embedded_data_dir(uri), graph=graph,
                             read_only=read_only)
    port = parts.port or 6379
    return FalkorDBStore(uri, host=parts.hostname, port=port,
                         username=unquote(parts.username) if parts.username else None,
                         password=unquote(parts.password) if parts.password else None,
                         graph=graph, read_only=read_only)
