"""Settings: flags win over the environment, the environment over defaults. One place."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

ENV_URI = "INNOCHAIN_GRAPH_URI"
ENV_USER = "NEO4J_USERNAME"
ENV_PASSWORD = "NEO4J_PASSWORD"
ENV_DATABASE = "NEO4J_DATABASE"
ENV_DATA_DIR = "INNOCHAIN_DATA_DIR"


def default_data_dir() -> Path:
    """The user's data directory for InnoChain (e.g. ~/.local/share/innochain)."""
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override) if override else Path(platformdirs.user_data_dir("innochain"))


def default_graph_uri() -> str:
    """The embedded FalkorDB under the user's data directory."""
    return f"falkordb://{default_data_dir() / 'falkordb'}"


@dataclass(frozen=True)
class Settings:
    """Everything a command needs to reach the graph."""

    graph_uri: str = field(default_factory=default_graph_uri)
    neo4j_username: str | None = None
    neo4j_password: str | None = None
    neo4j_database: str | None = None

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **flags: Any) -> Settings:
        """Defaults, then the environment, then any flag that is not None."""
        env = os.environ if environ is None else environ
        settings = cls(
            graph_uri=env.get(ENV_URI) or default_graph_uri(),
            neo4j_username=env.get(ENV_USER) or None,
            neo4j_password=env.get(ENV_PASSWORD) or None,
            neo4j_database=env.get(ENV_DATABASE) or None,
        )
        given = {k: v for k, v in flags.items() if v is not None}
        return replace(settings, **given)
