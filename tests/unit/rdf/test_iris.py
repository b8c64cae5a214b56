"""One stable IRI per node, and the inverse."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from innochain.rdf.iris import (
    IriError,
    node_iri,
    node_of_iri,
    source_iri,
    source_of_iri,
)

ID = "https://w3id.org/innochain/id/"


def test_documented_examples() -> None:
    assert str(node_iri("Patent", "CN114123456A")) == ID + "patent/CN114123456A"
    assert str(node_iri("CPC", "H01L31/18")) == ID + "cpc/H01L31%2F18"
    assert str(node_iri("Organization", "org:隆基")) == ID + "organization/org%3A%E9%9A%86%E5%9F%BA"
    assert str(source_iri("derived:pv")) == ID + "source/derived%3Apv"


@given(st.sampled_from(["Patent", "CPC", "Organization", "Person", "Case"]),
       st.text(min_size=1))
def test_node_of_iri_inverts_node_iri(label: str, key: str) -> None:
    assert node_of_iri(node_iri(label, key)) == (label, key)


@given(st.text(min_size=1))
def test_source_of_iri_inverts_source_iri(source: str) -> None:
    assert source_of_iri(source_iri(source)) == source


@pytest.mark.parametrize("iri", ["https://example.org/patent/X", ID + "widget/X", ID + "patent/",
                                 ID + "patent/a/b", ID + "source/x"])
def test_iris_that_name_no_node_are_refused(iri: str) -> None:
    with pytest.raises(IriError):
        node_of_iri(iri)
