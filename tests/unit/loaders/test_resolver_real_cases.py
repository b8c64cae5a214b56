"""Regression cases from real rows (CEC PV manufacturer list, Apple supplier lists): wrong
merges the gold-set benchmark did not catch, and the right merges that must stay."""

from __future__ import annotations

import pytest

from innochain.loaders.entity_resolution import Resolver
from innochain.loaders.name_normalisation import GENERIC_WORDS, normalise_name
from innochain.loaders.organization_ids import organization_key


def clusters_of(names: list[str]) -> set[str]:
    """The cluster ids the names resolve to, resolved on their own."""
    result = Resolver().resolve_names(names)
    return {result[name].cluster_id for name in names}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a listing artefact in parentheses is no evidence of identity
        ("JCET Group Company Limited (continued)", "IDEMIA Group (continued)"),
        ("Yuto Packaging Technology (Holdings) Co., Ltd.",
         "Shenzhen Yuto Printing (Holdings) Ltd."),
        ("Hanwha Q CELLS (Qidong)", "Hanwha SolarOne (Qidong)"),
        ("Alpha Optics (HK) Limited", "Beta Optics (HK) Limited"),
        ("Alpha Optics (USA) Inc.", "Beta Optics (USA) Inc."),
        ("Alpha Optics (formerly Gamma Optics)", "Delta Optics (formerly Gamma Optics)"),
        # pinyin place prefixes conflict as Chinese ones do
        ("Jiangsu Best Solar High-Tech", "Jiangxi Best Solar High-Tech"),
        ("Zhejiang Sunrise Photovoltaic Co., Ltd.", "Jiangsu Sunrise Photovoltaic Co., Ltd."),
        ("Beijing Huatai Battery Co., Ltd.", "Nanjing Huatai Battery Co., Ltd."),
        # a proper suffix: the longer name has an extra distinctive leading word
        ("Green Energy Technology", "LONGi Green Energy Technology Co., Ltd."),
        ("Jinlong Holding Group Co., Ltd.", "China Jinlong Holding Group"),
        # a typo in one word cannot carry a merge when the other words differ
        ("Advance Solar Hydro Wind Power", "Advanced Solar Power (Hangzhou)"),
        ("LY Investment (HK) Limited", "TLG Investment (Hk) Ltd."),
        ("Gintech Energy GIN", "Gintech Energy GTE"),
        # names made only of generic industry words need their exact name
        ("Solar Power", "Solar Power Industries"),
        ("Green Power", "Green Power Technologies"),
        ("Solar Power", "Beijing Solar Power Co., Ltd."),
        ("Solar Electric Co.", "Solar Electronic Co."),
        # "ON" is the distinctive part of ON Semiconductor, not a stop word
        ("ON Semiconductor Corp.", "Semiconductor Components Industries LLC"),
        ("ON Semiconductor Corporation", "Semiconductor Corp."),
    ],
)
def test_different_firms_stay_apart(a: str, b: str) -> None:
    assert len(clusters_of([a, b])) == 2, Resolver().explain(a, b).reasons


@pytest.mark.parametrize(
    "names",
    [
        ["Chint Solar (Zhejiang) Co., Ltd", "Chint Solar (Zhejiang) Co., Ltd.",
         "Chint Solar Zhejiang"],
        ["Silfab", "Silfab Solar", "Silfab Solar Inc"],
        ["Broadcom Corp.", "Broadcom Corporation", "Broadcomm Limited"],
        ["Darfon Electronic Corp.", "Darfon Electronics Corporation"],
        ["Minebea Co., Ltd.", "Minebea Mitsumi Inc.", "MinebeaMitsumi Incorporated"],
        ["Shenzhen O-Film Tech Co., Ltd.", "O-film Tech Company Limited"],
        ["LONGi Green Energy Technology Co., Ltd.", "LONGI GREEN ENERGY TECHNOLOGY CO LTD"],
        ["隆基绿能", "隆基绿能科技股份有限公司"],
        ["ON Semiconductor Corp.", "ON Semiconductor Corporation"],
        ["Tian Jin Lishen Battery Joint-Stock Company Ltd",
         "Tianjin Lishen Battery Joint-Stock Co. Ltd."],
        ["Jetion Science & Technology Co", "Jiangyin Jetion Science and Technology"],
        ["Lingyi iTech (Guangdong) Company", "Lingyi iTech (Guangdong) Company (continued)"],
        ["AAC Technologies Holdings Inc.", "AAC Acoustic Technologies Holdings Incorporated"],
        # generic words only: the exact name (after legal forms) or a misspelling of it
        ["Solar Power", "Solar Power Co., Ltd.", "Solar Power (SPI)"],
        ["General Electric Company", "General Elecric Company"],
    ],
)
def test_spellings_of_one_firm_stay_together(names: list[str]) -> None:
    assert len(clusters_of(names)) == 1


def test_jiangsu_and_jiangxi_get_different_node_ids() -> None:
    assert (organization_key("Jiangsu Best Solar High-Tech")
            != organization_key("Jiangxi Best Solar High-Tech"))


def test_pinyin_place_is_a_feature_wherever_it_stands() -> None:
    names = [normalise_name(n) for n in (
        "Chint Solar (Zhejiang) Co., Ltd", "Chint Solar Zhejiang", "Zhejiang Chint Solar")]
    assert {(n.key, n.place) for n in names} == {("chint solar", "zhejiang")}
    assert normalise_name("Tian Jin Lishen Battery").place == "tianjin"
    assert normalise_name("Hanwha SolarOne Hong Kong").place == "hongkong"
    assert normalise_name("Beijing").key == "beijing"  # never stripped to nothing


def test_listing_notes_in_parentheses_are_dropped() -> None:
    assert normalise_name("IDEMIA Group (continued)").qualifier == ""
    assert normalise_name("Solon Corp (formerly Solon AG)").qualifier == ""
    inra = normalise_name("Institut National de la Recherche Agronomique (INRA)")
    assert inra.qualifier == "inra"  # an acronym is kept: it can name the firm


@pytest.mark.parametrize(
    ("name", "key"),
    [("ON Semiconductor Corp.", "on semiconductor"), ("AT&T Corp.", "at t"),
     ("The Chemours Company", "chemours"), ("Institut de la Recherche", "institut recherche")],
)
def test_a_stop_word_is_kept_when_it_is_the_distinctive_part(name: str, key: str) -> None:
    assert normalise_name(name).key == key


def test_a_key_is_never_a_lone_generic_word_when_the_name_had_another() -> None:
    for name in ("ON Semiconductor Corp.", "AT&S AG", "In Power Ltd", "Shanghai Electric"):
        norm = normalise_name(name)
        assert not (len(norm.full_key.split()) == 1 and norm.full_key in GENERIC_WORDS), name
