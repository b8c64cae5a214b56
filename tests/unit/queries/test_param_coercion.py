"""Parameter values from the CLI and the dashboard become the declared types."""

from __future__ import annotations

import pytest

from innochain.queries.pack_format import Bilingual, ParamSpec, QuerySpec
from innochain.queries.param_coercion import QueryParameterError, coerce_params, example_hint


def _spec(**params: ParamSpec) -> QuerySpec:
    from pathlib import Path

    return QuerySpec(id="t.q", title=Bilingual("题", "t"), description=Bilingual("述", "d"),
                     task="test", params=params, columns={}, cypher="RETURN 1", path=Path("q"))


def _param(name: str, type_name: str, **kw: object) -> ParamSpec:
    return ParamSpec(name=name, type=type_name, description=Bilingual("参数", "a parameter"),
                     **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("type_name", "given", "expected"), [
    ("int", "42", 42), ("int", 42.0, 42), ("float", "0.5", 0.5), ("float", 3, 3.0),
    ("bool", "true", True), ("bool", "否", False), ("bool", "0", False), ("bool", False, False),
    ("list[str]", "a, b ,c", ["a", "b", "c"]), ("list[str]", ["x"], ["x"]),
    ("list[int]", "1,2", [1, 2]), ("str", "德能", "德能"),
])
def test_values_are_coerced(type_name: str, given: object, expected: object) -> None:
    assert coerce_params(_spec(x=_param("x", type_name)), {"x": given}) == {"x": expected}


def test_defaults_fill_and_empty_text_means_default() -> None:
    spec = _spec(n=_param("n", "int", default=5), s=_param("s", "str"))
    assert coerce_params(spec, {"n": ""}) == {"n": 5, "s": None}


@pytest.mark.parametrize(("type_name", "given"), [
    ("int", "1.5"), ("float", "nan"), ("float", "inf"), ("str", 5), ("list[int]", "1,x"),
    ("bool", 2),
])
def test_wrong_values_are_refused_with_the_parameter_name(type_name: str, given: object) -> None:
    with pytest.raises(QueryParameterError) as caught:
        coerce_params(_spec(x=_param("x", type_name, example=1)), {"x": given})
    assert caught.value.param == "x" and "-p x=1" in str(caught.value)


def test_example_hint_shows_lists_and_bools_as_typed_on_the_command_line() -> None:
    assert example_hint(_param("ids", "list[str]", example=["a", "b"])) == "-p ids=a,b"
    assert example_hint(_param("flag", "bool", example=True)) == "-p flag=true"
