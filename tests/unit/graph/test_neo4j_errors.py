"""What a user reads when Neo4j refuses or cannot finish a query: one line that says what to do.

The errors are built by the driver's own hydration from the server's failure metadata (what
`execute_query` raises), so the test follows the driver's classes, not hand-made ones."""

from __future__ import annotations

import neo4j.exceptions as neo4j_errors
import pytest

from innochain.errors import InnoChainError
from innochain.graph import neo4j_store


def _server_failure(code: str, message: str) -> neo4j_errors.Neo4jError:
    return neo4j_errors.Neo4jError._hydrate_neo4j(code=code, message=message)


def test_a_query_over_the_servers_memory_limit_says_which_setting_to_raise() -> None:
    # Seen at 1M patents: match.co_innovation on Neo4j 5.26 with a 4g heap.
    exc = _server_failure("Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                          "The allocation of an extra 2.0 MiB would use more than the limit "
                          "2.8 GiB. Currently using 2.8 GiB. dbms.memory.transaction.total.max "
                          "threshold reached")
    assert isinstance(exc, neo4j_errors.TransientError)  # not a ClientError: caught apart
    error = neo4j_store._query_error(exc, "match.co_innovation", read_only=True)
    text = str(error)
    assert isinstance(error, InnoChainError) and "\n" not in text
    assert "match.co_innovation" in text and "db.memory.transaction.total.max" in text
    assert text.startswith("Neo4j ran out of query memory")


@pytest.mark.parametrize("code", ["Neo.ClientError.Statement.SyntaxError",
                                  "Neo.DatabaseError.General.UnknownError"])
def test_other_failures_name_the_query_and_the_servers_reason(code: str) -> None:
    error = neo4j_store._query_error(_server_failure(code, "Invalid input 'RETRN'\nline 2"),
                                     "data.parks", read_only=True)
    assert str(error) == "Neo4j rejected the query in query data.parks: Invalid input 'RETRN'"
