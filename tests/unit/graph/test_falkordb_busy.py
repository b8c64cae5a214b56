"""The embedded server answers "BUSY preparing to fork" while it readies an append-only
rewrite, which it starts by itself as the file grows during a large load: seen at 5M
synthetic patents, where a GRAPH.BULK call failed the whole load. The command was not run,
so the adapter sends it again; other errors still reach the caller at once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import redis

from innochain.graph.falkordb_store import retry_while_busy


def _answers(*replies: object) -> tuple[list[int], Callable[[], object]]:
    calls: list[int] = []

    def send() -> object:
        calls.append(1)
        reply = replies[min(len(calls), len(replies)) - 1]
        if isinstance(reply, Exception):
            raise reply
        return reply

    return calls, send


def test_a_busy_server_is_asked_again_until_it_answers() -> None:
    busy = redis.ResponseError("BUSY preparing to fork")
    calls, send = _answers(busy, busy, "done")
    assert retry_while_busy(send) == "done"
    assert len(calls) == 3


def test_other_errors_are_not_retried() -> None:
    calls, send = _answers(redis.ResponseError("errMsg: Invalid input 'RETRN'"), "done")
    with pytest.raises(redis.ResponseError, match="Invalid input"):
        retry_while_busy(send)
    assert len(calls) == 1


def test_a_server_busy_for_too_long_gives_its_error() -> None:
    calls, send = _answers(redis.ResponseError("BUSY preparing to fork"))
    with pytest.raises(redis.ResponseError, match="BUSY"):
        retry_while_busy(send, wait_s=0.3)
    assert 2 <= len(calls) <= 6
