"""The runner on a FakeStore: parameters, read-only tagged calls, column checks, id checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from innochain.errors import QueryPackError
from innochain.queries.pack_library import load_library
from innochain.queries.param_coercion import QueryParameterError
from innochain.queries.runner import list_packs, list_queries, run
from tests.fake_store import FakeStore

PACKS = Path(__file__).resolve().parents[2] / "fixtures" / "packs"
SHIPPED = load_library()
GOOD = load_library([PACKS / "good", *([SHIPPED.queries["_lookups.organization"].path.parents[1]])])
ROWS = pd.DataFrame([{"label": "Patent", "n": 3.0, "share": 1}])


def _known_orgs(params: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame({"id": [i for i in params["ids"] if i == "org:deneng"]})


def _store() -> FakeStore:
    return FakeStore({"demo.counts": ROWS, "_lookups.organization": _known_orgs})


def test_run_sends_the_body_read_only_tagged_with_the_id_and_typed_parameters() -> None:
    store = _store()
    result = run(store, "demo.counts", {"since": "2021", "share": "0.25", "rollup": "yes",
                                        "ids": "a, b,"}, library=GOOD)
    sent = store.sent[-1]
    assert sent.tag == "demo.counts" and sent.read_only
    assert sent.cypher == GOOD.query("demo.counts").cypher
    assert store.last_params == {"label_prefix": "", "limit": 10, "since": 2021, "share": 0.25,
                                 "rollup": True, "ids": ["a", "b"], "org_id": None}
    # FalkorDB returns a sum of integers as a float: the declared column type wins.
    assert result.frame.to_dict("records") == [{"label": "Patent", "n": 3, "share": 1.0}]
    assert isinstance(result.frame.loc[0, "n"], int)
    assert result.spec.id == "demo.counts" and result.backend == "fake"


def test_an_unknown_parameter_suggests_close_names() -> None:
    with pytest.raises(QueryParameterError, match="unknown parameter 'sinse': did you mean since"):
        run(_store(), "demo.counts", {"since": 2020, "sinse": 2020}, library=GOOD)


def test_a_missing_parameter_names_type_and_example() -> None:
    with pytest.raises(QueryParameterError) as caught:
        run(_store(), "demo.counts", {}, library=GOOD)
    assert caught.value.param == "since"
    assert "missing parameter since (int: year), e.g. -p since=2020" in str(caught.value)


@pytest.mark.parametrize(("params", "words"), [
    ({"since": "twenty"}, "since must be a whole number (int), got 'twenty'; e.g. -p since=2020"),
    ({"since": 2020, "share": "lots"}, "share must be a number (float)"),
    ({"since": 2020, "rollup": "maybe"}, "rollup must be true or false (bool)"),
    ({"since": True}, "since must be a whole number"),
    ({"since": 1800}, "since = 1800 is below its minimum 1900"),
    ({"since": 2020, "limit": "1000"}, "limit = 1000 is above its maximum 100"),
])
def test_mistyped_or_out_of_bounds_parameters_are_refused(params: dict[str, Any],
                                                            words: str) -> None:
    with pytest.raises(QueryParameterError, match=None) as caught:
        run(_store(), "demo.counts", params, library=GOOD)
    assert words in str(caught.value)


def test_an_unknown_query_lists_close_ids() -> None:
    with pytest.raises(QueryPackError, match=r"no query 'landscape.chainmap' \(did you mean "
                                             r"landscape.chain_map"):
        run(_store(), "landscape.chainmap", {}, library=SHIPPED)
    with pytest.raises(QueryPackError, match=r"did you mean landscape"):
        run(_store(), "landscap.chain_map", {}, library=SHIPPED)


def test_a_missing_node_id_is_named() -> None:
    store = _store()
    with pytest.raises(QueryParameterError, match="parameter org_id: no Organization with id "
                                                  "'org:nobody' in the graph; find ids with"):
        run(store, "demo.counts", {"since": 2020, "org_id": "org:nobody"}, library=GOOD)
    assert store.sent[-1].tag == "_lookups.organization"
    assert store.last_params == {"ids": ["org:nobody"]}
    run(store, "demo.counts", {"since": 2020, "org_id": "org:deneng"}, library=GOOD)
    assert store.sent[-1].tag == "demo.counts"


def test_a_missing_segment_suggests_close_ids() -> None:
    store = FakeStore({"_lookups.segment": pd.DataFrame({"id": []}),
                       "_lookups.segment_ids": pd.DataFrame({"id": ["fx:cell", "fx:wafer"]})})
    with pytest.raises(QueryParameterError, match=r"no Segment with id 'fx:cel' in the graph "
                                                  r"\(did you mean fx:cell\?\)"):
        run(store, "layout.attract_inventors", {"segment_id": "fx:cel"}, library=SHIPPED)


def test_returned_columns_must_match_the_header() -> None:
    store = FakeStore({"demo.counts": pd.DataFrame([{"label": "x", "count": 1, "share": 0.1}])})
    with pytest.raises(QueryPackError, match=r"counts.cypher:\d+: demo.counts returned columns "
                                             r"\['label', 'count', 'share'\].*missing \['n'\], "
                                             r"extra \['count'\]"):
        run(store, "demo.counts", {"since": 2020}, library=GOOD)


def test_listing_packs_and_queries() -> None:
    names = [p.name for p in list_packs(SHIPPED)]
    assert names[:5] == ["landscape", "layout", "risk", "exploit", "match"]
    assert "_lookups" not in names
    mine = [q for q in list_queries(library=SHIPPED) if q.pack in names[:5]]
    assert len(mine) >= 25
    assert all(q.title.zh and q.title.en and q.description.zh and q.description.en for q in mine)
