"""URIs, settings and parameter checks: no server needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from innochain.errors import ConfigError, ParameterTypeError
from innochain.graph.connect import backend_of, embedded_data_dir
from innochain.graph.store import check_params, redact_uri, tag_cypher
from innochain.settings import Settings


@pytest.mark.parametrize("uri,backend", [
    ("falkordb:///var/lib/innochain", "falkordb"), ("falkor://localhost:6379", "falkordb"),
    ("bolt://127.0.0.1:7687", "neo4j"), ("neo4j+s://abc.databases.neo4j.io", "neo4j"),
    ("neo4j://cluster:7687", "neo4j"),
])
def test_each_accepted_scheme_names_its_backend(uri: str, backend: str) -> None:
    assert backend_of(uri) == backend


def test_a_wrong_scheme_lists_the_accepted_ones() -> None:
    with pytest.raises(ConfigError) as err:
        backend_of("postgres://x")
    assert all(s in str(err.value) for s in ("falkordb://", "bolt://", "neo4j+s://"))


def test_a_malformed_uri_is_a_config_error_with_the_password_hidden() -> None:
    with pytest.raises(ConfigError) as err:
        backend_of("bolt://u:hunter2@host:notaport")
    assert "hunter2" not in str(err.value)


def test_embedded_uri_gives_the_directory() -> None:
    assert embedded_data_dir("falkordb:///tmp/x/y") == Path("/tmp/x/y")
    with pytest.raises(ConfigError):
        embedded_data_dir("falkordb://")


def test_flags_win_over_environment_over_defaults(tmp_path: Path) -> None:
    env = {"INNOCHAIN_GRAPH_URI": "bolt://envhost:7687", "NEO4J_USERNAME": "neo4j"}
    assert Settings.from_env(env).graph_uri == "bolt://envhost:7687"
    assert Settings.from_env(env, graph_uri="bolt://flag:1").graph_uri == "bolt://flag:1"
    assert Settings.from_env(env, graph_uri=None).neo4j_username == "neo4j"
    assert Settings.from_env({}).graph_uri.startswith("falkordb://")


def test_passwords_never_show_in_a_redacted_uri() -> None:
    assert redact_uri("neo4j+s://neo4j:s3cret@host:7687") == "neo4j+s://neo4j:***@host:7687"
    assert redact_uri("falkor://:pw@h:1") == "falkor://:***@h:1"
    assert redact_uri("bolt://host:7687") == "bolt://host:7687"


def test_plain_parameters_pass_and_others_are_named() -> None:
    ok = {"s": "中文", "i": 1, "f": 1.5, "b": True, "n": None, "l": [1, "a"], "m": {"k": [1]}}
    assert check_params(ok) == ok
    with pytest.raises(ParameterTypeError, match=r"parameter m\.k\[0\] is a set"):
        check_params({"m": {"k": [{1}]}})


def test_a_tag_cannot_close_its_comment() -> None:
    tagged = tag_cypher("RETURN 1", "x */ MATCH (n) DETACH DELETE n /*")
    assert tagged.count("*/") == 1 and tagged.endswith("RETURN 1")
