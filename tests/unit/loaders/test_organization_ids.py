"""Organisation node ids: USCC first, else the normalised name key; template references."""

from __future__ import annotations

import pytest

from innochain.loaders.load_context import organization_directory
from innochain.loaders.organization_ids import organization_key, reference_key


def test_uscc_wins_then_name_key() -> None:
    assert organization_key("隆基绿能科技股份有限公司", uscc="91610000719744800E") == \
        "uscc:91610000719744800E"
    assert organization_key("LONGi Green Energy Technology Co., Ltd.") == \
        organization_key("LONGi Green Energy Technology") == "org:longi green energy technology"
    assert organization_key("隆基绿能科技股份有限公司") == "org:隆基绿能科技"
    assert organization_key("", source_id="a-1") == "org:src:a-1"
    with pytest.raises(ValueError):
        organization_key("  ")
    with pytest.raises(ValueError, match="unified social credit code"):
        organization_key("X", uscc="123")


def test_references_resolve_names_aliases_and_ids_through_the_directory() -> None:
    directory = organization_directory([
        {"id": "uscc:91610000719744800E", "name": "隆基绿能科技股份有限公司",
         "name_en": "LONGi Green Energy", "aliases": ["隆基股份"]},
        {"id": "org:a", "name": "Same Name"}, {"id": "org:b", "name": "Same Name Inc."}])
    for text in ("LONGi Green Energy Co., Ltd.", "隆基股份", "隆基绿能科技有限公司",
                 "91610000719744800E", "uscc:91610000719744800E"):
        assert reference_key(text, directory) == "uscc:91610000719744800E"
    assert reference_key("Same Name", directory) == "org:same name"  # ambiguous: left alone
    assert reference_key("Unknown Co.", directory) == "org:unknown"
