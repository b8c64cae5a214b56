"""What a user checks of name normalisation: variants meet, and what was removed is kept."""

from __future__ import annotations

import pytest

from innochain.loaders.name_normalisation import fold_text, normalise_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("LONGi Green Energy Technology Co., Ltd.", "LONGI GREEN ENERGY TECHNOLOGY CO LTD"),
        ("Ernst Leitz Wetzlar GmbH", "Ernst Leitz Wetzlar G.m.b.H."),
        ("SEB S.A.", "Seb S. A."),
        ("Xerox Corporation", "Xerox Corproation"),
        ("Toyota Jidosha Kabushiki Kaisha", "Toyota Jidosha K.K."),
        ("Minolta Camera Kabushika Kaisha", "Minolta Camera Co. Ltd."),
        ("Trina Solar Intl Mfg Corp", "Trina Solar International Manufacturing Corporation"),
        ("Ｔｒｉｎａ Ｓｏｌａｒ（常州）", "Trina Solar (常州)"),
        ("天合光能股份有限公司", "天合光能有限公司"),
        ("隆基綠能科技股份有限公司", "隆基绿能科技股份有限公司"),
    ],
)
def test_spelling_variants_get_the_same_key(a: str, b: str) -> None:
    assert normalise_name(a).key == normalise_name(b).key


def test_legal_forms_are_stripped_and_reported() -> None:
    name = normalise_name("Hoechst Research & Technology GmbH & Co. KG")
    assert name.key == "hoechst research technology"
    assert name.legal_forms == ("gmbh", "co", "kg")


def test_chinese_place_prefix_is_a_feature_not_deleted() -> None:
    name = normalise_name("江苏省无锡市尚德太阳能电力有限公司")
    assert name.place == "江苏无锡"
    assert name.key == "尚德太阳能电力"
    assert name.legal_forms == ("有限公司",)


def test_a_place_name_is_kept_when_nothing_would_remain() -> None:
    assert normalise_name("北京银行").key == "银行"
    assert normalise_name("北京银行").place == "北京"
    assert normalise_name("北京").key == "北京"
    assert normalise_name("北京银行").full_key != normalise_name("南京银行").full_key


def test_group_in_parentheses_is_a_legal_form() -> None:
    name = normalise_name("深圳市天地(集团)股份有限公司")
    assert (name.place, name.key) == ("深圳", "天地")
    assert "集团" in name.legal_forms


def test_stock_markers_of_short_names_are_removed() -> None:
    assert normalise_name("*ST华业").key == "华业"
    assert normalise_name("深天地A").key == "深天地"


def test_a_name_is_never_stripped_to_nothing() -> None:
    assert normalise_name("Company").key == "company"
    assert normalise_name("公司").key == "公司"
    assert normalise_name("有限公司").key


def test_acronym_in_parentheses_is_kept_as_qualifier() -> None:
    name = normalise_name("Institut National de la Recherche Agronomique (I.N.R.A.)")
    assert name.key == "institut national recherche agronomique"
    assert name.qualifier == "inra"


def test_fold_text_handles_width_case_mojibake_and_traditional_chinese() -> None:
    assert fold_text("ＡＢＣ　Ｃｏ．") == "abc co."
    assert fold_text("Electricit\u00c3\u00a9 de France") == "electricite de france"
    assert fold_text("臺灣積體電路製造") == "台湾积体电路制造"
