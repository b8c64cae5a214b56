"""What a user checks of the resolver: variants merge, different firms stay apart, rules win."""

from __future__ import annotations

from pathlib import Path

import pytest

from innochain.errors import LoadError
from innochain.loaders.entity_resolution import Override, Resolver, read_overrides


def together(result: dict, a: str, b: str) -> bool:
    return result[a].cluster_id == result[b].cluster_id


def test_english_spellings_of_one_firm_resolve_together() -> None:
    result = Resolver().resolve_names([
        "LONGi Green Energy Technology Co., Ltd.", "LONGI GREEN ENERGY TECHNOLOGY CO LTD",
        "Longi Green Energy Technolgy Co Ltd"])
    assert len({info.cluster_id for info in result.values()}) == 1


def test_chinese_short_name_joins_its_registered_name() -> None:
    result = Resolver().resolve_names(["隆基绿能", "隆基绿能科技股份有限公司", "通威股份有限公司"])
    assert together(result, "隆基绿能", "隆基绿能科技股份有限公司")
    assert not together(result, "隆基绿能", "通威股份有限公司")


def test_abbreviated_short_name_joins_when_unambiguous() -> None:
    result = Resolver().resolve_names(
        ["华瓷股份", "湖南华联瓷业股份有限公司", "天合光能股份有限公司"])
    assert together(result, "华瓷股份", "湖南华联瓷业股份有限公司")


def test_firms_sharing_a_generic_word_stay_apart() -> None:
    names = ["Eastman Kodak Company", "Eastman Chemical Company", "Trina Solar Co., Ltd.",
             "Jinko Solar Co., Ltd.", "北京银行股份有限公司", "南京银行股份有限公司",
             "The United States of America as represented by the Secretary of the Navy",
             "The United States of America as represented by the Secretary of the Army"]
    result = Resolver().resolve_names(names)
    assert len({info.cluster_id for info in result.values()}) == len(names)


def test_short_name_contained_in_two_firms_joins_neither() -> None:
    result = Resolver().resolve_names(["天合", "天合光能股份有限公司", "天合化工股份有限公司"])
    assert not together(result, "天合", "天合光能股份有限公司")
    assert not together(result, "天合", "天合化工股份有限公司")


def test_a_name_heading_several_firms_becomes_their_parent() -> None:
    result = Resolver().resolve_names(
        ["Hoechst AG", "Hoechst Celanese Corp.", "Hoechst Japan Ltd."])
    parent = result["Hoechst AG"].cluster_id
    assert result["Hoechst Celanese Corp."].parent_id == parent
    assert result["Hoechst Japan Ltd."].parent_id == parent
    assert result["Hoechst AG"].parent_id is None


def test_override_not_same_splits_similar_names() -> None:
    overrides = [Override("Sunpower Corp.", "SunPower Corporation", "not_same")]
    result = Resolver(overrides=overrides).resolve_names(
        ["Sunpower Corp.", "SunPower Corporation", "Sun Power Corp"])
    assert not together(result, "Sunpower Corp.", "SunPower Corporation")


def test_override_same_merges_unrelated_spellings() -> None:
    overrides = [Override("LONGi Green Energy", "隆基绿能", "same")]
    result = Resolver(overrides=overrides).resolve_names(["LONGi Green Energy", "隆基绿能"])
    assert together(result, "LONGi Green Energy", "隆基绿能")


def test_uscc_wins_over_names() -> None:
    resolver = Resolver()
    resolver.add("隆基绿能科技股份有限公司", uscc="91610000719782242D")
    resolver.add("西安隆基硅材料股份有限公司", uscc="91610000719782242D")
    resolver.add("隆基绿能科技有限公司", uscc="91320000000000000X")
    clusters = {frozenset(c.names) for c in resolver.resolve()}
    assert clusters == {frozenset({"隆基绿能科技股份有限公司", "西安隆基硅材料股份有限公司"}),
                        frozenset({"隆基绿能科技有限公司"})}


def test_source_id_and_alias_join_names() -> None:
    resolver = Resolver()
    resolver.add("NVIDIA Corporation", source_id="pv-123")
    resolver.add("Nvidia Corp", source_id="pv-123", aliases=["英伟达"])
    [cluster] = resolver.resolve()
    assert set(cluster.names) == {"NVIDIA Corporation", "Nvidia Corp", "英伟达"}
    assert {link.relation for link in cluster.links} >= {"source_id", "alias"}


def test_canonical_is_most_frequent_registered_form() -> None:
    resolver = Resolver()
    for name in ["Trina Solar", "Trina Solar", "Trina Solar", "Trina Solar Co., Ltd.",
                 "Trina Solar Co., Ltd.", "Trina Solar Ltd"]:
        resolver.add(name)
    [cluster] = resolver.resolve()
    assert cluster.canonical == "Trina Solar Co., Ltd."


def test_threshold_is_a_setting() -> None:
    names = ["Toyota Jidosha Kabushiki Kaisha", "Toyota Motor Corporation"]
    assert not together(Resolver().resolve_names(names), *names)
    assert together(Resolver(threshold=0.25).resolve_names(names), *names)


def test_explain_says_which_parts_agreed() -> None:
    match = Resolver().explain("Xerox Corporation", "XEROX CORP.")
    assert match.score == 1.0
    assert match.reasons == ("same key after legal-form strip",)


def test_read_overrides_reports_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "overrides.csv"
    path.write_text("name_a,name_b,relation\nA,B,same\nA,C,maybe\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"overrides.csv:3: relation 'maybe'"):
        read_overrides(path)


def test_blocking_keeps_comparisons_far_below_all_pairs() -> None:
    from innochain.loaders.entity_resolution import candidate_pairs
    from innochain.loaders.name_normalisation import normalise_name

    names = [normalise_name(f"Firm{i:04d} {word} Co., Ltd.")
             for i in range(2000) for word in ("Solar",)]
    pairs = sum(1 for _ in candidate_pairs(names, max_block=50))
    assert pairs < 2000 * 1999 // 2 // 100


def test_pairs_dropped_early_are_the_pairs_compare_scores_below_the_threshold() -> None:
    """kept_match skips building the explanation of a pair resolution drops: it must drop
    exactly the pairs compare() scores under the threshold with no containment rule."""
    from itertools import permutations

    from innochain.loaders.name_normalisation import normalise_name
    from innochain.loaders.name_similarity import NameSimilarity

    names = ["隆基绿能科技股份有限公司", "隆基绿能", "隆基股份", "隆基", "华联瓷业股份有限公司",
             "华瓷", "北京银行股份有限公司", "南京银行股份有限公司", "江苏无锡光伏有限公司",
             "无锡光伏", "晶科能源控股有限公司", "晶科能源", "晶澳太阳能科技股份有限公司",
             "天合光能股份有限公司", "天合光能", "LONGi Green Energy Technology Co., Ltd.",
             "LONGi 隆基绿能", "Solar Power", "Solar Power Industries", "晶科", "通威股份",
             "通威太阳能(合肥)有限公司", "合肥通威", "阳光电源股份有限公司", "阳光电源"]
    norms = [normalise_name(n) for n in names]
    similarity = NameSimilarity(norms)
    kept = 0
    for a, b in permutations(norms, 2):
        match = similarity.compare(a, b)
        wanted = match if match.score >= 0.8 or match.kind != "similar" else None
        assert similarity.kept_match(a, b, 0.8) == wanted, (a.original, b.original)
        kept += wanted is not None
    assert 0 < kept < len(norms) * (len(norms) - 1)
