"""Normalise Chinese and English organisation names into comparable, explainable keys.

>>> n = normalise_name("LONGi Green Energy Technology Co., Ltd.")
>>> n.key, n.legal_forms
('longi green energy technology', ('co', 'ltd'))
>>> m = normalise_name("江苏隆基綠能科技股份有限公司")
>>> m.key, m.place, m.legal_forms
('隆基绿能科技', '江苏', ('股份有限公司',))
>>> c = normalise_name("Chint Solar (Zhejiang) Co., Ltd")
>>> c.key, c.place, c.full_key
('chint solar', 'zhejiang', 'zhejiang chint solar')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

import zhconv
from rapidfuzz.distance import Levenshtein

# Legal forms, longest first so that "co ltd" is taken before "co". Written as normalised
# tokens (dotted initials are already joined: "G.m.b.H." -> "gmbh", "S. A." -> "sa").
LATIN_LEGAL_FORMS: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(form.split())
            for form in (
                "gesellschaft mit beschraenkter haftung", "gesellschaft mit beschrankter haftung",
                "kabushiki kaisha", "kabushikikaisha", "kabushiki gaisha", "yugen kaisha",
                "kabushiki", "kaisha",
                "aktiengesellschaft", "aktiebolag", "corporation", "incorporated", "company",
                "limited", "co", "corp", "inc", "ltd", "llc", "lc", "llp", "lp", "plc", "gmbh",
                "ag", "kg", "kgaa", "kk", "sa", "sas", "sarl", "snc", "spa", "srl", "nv", "bv",
                "ab", "asa", "oy", "oyj", "dd", "pte", "pty", "bhd", "sdn", "se", "as",
                "youxian gongsi", "gufen youxian gongsi",
            )
        ),
        key=len,
        reverse=True,
    )
)
# Long legal words that are often misspelt ("Corproation", "Kabushika", "Kiahsa"): matched
# by edit similarity or as anagrams.
FUZZY_LEGAL_WORDS = ("corporation", "company", "incorporated", "limited", "kabushiki", "kaisha",
                     "aktiengesellschaft", "kabushikikaisha")
# Joiners left behind when a form such as "GmbH & Co. KG" is stripped.
TRAILING_JOINERS = frozenset({"and", "the", "of"})

CHINESE_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "股份合作公司", "有限公司",
                       "集团公司", "总公司", "分公司", "公司", "集团", "控股", "股份")

ABBREVIATIONS: dict[str, str] = {
    "intl": "international", "int": "international", "mfg": "manufacturing",
    "tech": "technology", "techn": "technology", "technol": "technology", "univ": "university",
    "inst": "institute", "dept": "department", "natl": "national", "nat": "national",
    "assoc": "association", "elec": "electric", "eng": "engineering", "engg": "engineering",
    "sys": "systems", "ind": "industries", "inds": "industries", "labs": "laboratories",
    "lab": "laboratory", "pharm": "pharmaceutical", "pharma": "pharmaceutical",
    "chem": "chemical", "mach": "machines", "elect": "electric", "mfr": "manufacturer",
    "govt": "government", "us": "united states", "usa": "united states of america",
    "svc": "service", "svcs": "services", "bros": "brothers", "ctr": "center",
    "centre": "center", "dev": "development", "res": "research", "&": "and",
    "calif": "california", "incorp": "incorporated", "gov": "government",
}
STOPWORDS = frozenset({"the", "of", "and", "for", "by", "a", "an", "as", "in", "on", "at", "de",
                       "la", "le", "les", "du", "des", "d", "l", "et", "der", "die", "und"})
# Articles never distinguish a name; another stop word may ("ON Semiconductor", "AT&S").
ARTICLES = frozenset({"the", "a", "an", "la", "le", "les", "l", "der", "die"})

# Words that describe an industry or a form, not a firm: a name made only of these ("Solar
# Power", "Green Power Technologies") identifies nobody and merges only on its exact name.
GENERIC_WORDS = frozenset("""
solar power powers energy energies technology technologies electric electrical electronic
electronics electro semiconductor semiconductors green new international industries industry
industrial systems system group groups holding holdings global materials material science
sciences photovoltaic photovoltaics pv renewable renewables resources engineering manufacturing
manufacturer products product solutions solution services service trading development
investment investments enterprise enterprises cell cells module modules battery batteries
display displays optical optoelectronic optoelectronics photonics precision component components
device devices machinery machines equipment metal metals plastics chemical chemicals
communication communications network networks software data digital smart advanced high
united states america american north south east west asia pacific europe european world
universal general national first research laboratory laboratories institute center wind hydro
light lighting storage automation control controls instruments micro nano china chinese sino
innovation innovations applied partners associates sun star best top
""".split())
# A parenthesis with one of these is a note of the listing, not part of the name, and never
# evidence of identity: "(continued)", "(formerly Solon AG)", "(a subsidiary of X)".
LISTING_WORDS = frozenset({"continued", "cont", "contd", "formerly", "former", "previously",
                           "fka", "aka", "see", "subsidiary", "branch", "division"})

# Pinyin (and usual English) names of the CHINESE_PLACES: "Jiangsu Best Solar" and "Jiangxi
# Best Solar" are told apart by their place as 江苏/江西 are. Spaced spellings ("Tian Jin",
# "Xi'an", "Hong Kong") are matched as two words joined.
PLACE_ALIASES: dict[str, str] = {"hk": "hongkong", "xianggang": "hongkong", "macao": "macau",
                                 "aomen": "macau", "neimenggu": "innermongolia",
                                 "neimongol": "innermongolia", "xizang": "tibet",
                                 "peking": "beijing", "haerbin": "harbin",
                                 "qiqihaer": "qiqihar", "wulumuqi": "urumqi",
                                 "huhehaote": "hohhot", "eerduosi": "ordos"}
LATIN_PLACES = frozenset("""
beijing tianjin shanghai chongqing hebei shanxi liaoning jilin heilongjiang jiangsu zhejiang
anhui fujian jiangxi shandong henan hubei hunan guangdong hainan sichuan guizhou yunnan shaanxi
gansu qinghai taiwan innermongolia guangxi tibet ningxia xinjiang hongkong macau
shenzhen guangzhou hangzhou nanjing suzhou wuxi changzhou ningbo wenzhou shaoxing jiaxing huzhou
taizhou jinhua quzhou lishui zhoushan xiamen fuzhou quanzhou zhangzhou putian qingdao jinan
yantai weifang zibo weihai linyi rizhao jining taian dezhou liaocheng binzhou dongying zaozhuang
heze dalian shenyang anshan fushun benxi dandong jinzhou yingkou changchun harbin daqing qiqihar
wuhan yichang xiangyang jingzhou huangshi shiyan changsha zhuzhou xiangtan yueyang hengyang
shaoyang changde chengdu mianyang yibin luzhou deyang zigong leshan xian baoji xianyang
zhengzhou luoyang kaifeng xinxiang xuchang nanyang anyang jiaozuo pingdingshan hefei wuhu bengbu
maanshan tongling anqing chuzhou nanchang jiujiang ganzhou jingdezhen kunming guiyang zunyi
nanning liuzhou guilin beihai haikou sanya lanzhou xining yinchuan urumqi lhasa hohhot baotou
ordos shijiazhuang tangshan baoding handan qinhuangdao langfang cangzhou taiyuan datong zhuhai
foshan dongguan zhongshan huizhou shantou jiangmen zhanjiang zhaoqing nantong yangzhou xuzhou
yancheng zhenjiang lianyungang huaian suqian yiwu kunshan jiangyin zhangjiagang changshu yixing
cixi yuyao
""".split())

# Provinces and regions, then major cities: a prefix of a registered Chinese name.
CHINESE_PLACES: tuple[str, ...] = tuple(sorted(set("""
北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南
广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门
深圳 广州 杭州 南京 苏州 无锡 常州 宁波 温州 绍兴 嘉兴 湖州 台州 金华 衢州 丽水 舟山 厦门 福州 泉州
漳州 莆田 青岛 济南 烟台 潍坊 淄博 威海 临沂 日照 济宁 泰安 德州 聊城 滨州 东营 枣庄 菏泽 大连 沈阳
鞍山 抚顺 本溪 丹东 锦州 营口 长春 哈尔滨 大庆 齐齐哈尔 武汉 宜昌 襄阳 荆州 黄石 十堰 长沙 株洲
湘潭 岳阳 衡阳 邵阳 常德 成都 绵阳 宜宾 泸州 德阳 自贡 乐山 西安 宝鸡 咸阳 郑州 洛阳 开封 新乡 许昌
南阳 安阳 焦作 平顶山 合肥 芜湖 蚌埠 马鞍山 铜陵 安庆 滁州 南昌 九江 赣州 景德镇 昆明 贵阳 遵义
南宁 柳州 桂林 北海 海口 三亚 兰州 西宁 银川 乌鲁木齐 拉萨 呼和浩特 包头 鄂尔多斯 石家庄 唐山 保定
邯郸 秦皇岛 廊坊 沧州 太原 大同 珠海 佛山 东莞 中山 惠州 汕头 江门 湛江 肇庆 南通 扬州 徐州 盐城
泰州 镇江 连云港 淮安 宿迁 义乌 昆山 江阴 张家港 常熟 宜兴 慈溪 余姚
""".split()), key=len, reverse=True))
PLACE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区",
                  "省", "市", "县", "区")

_CJK = re.compile(r"[\u3400-\u9fff]")
# A-share trading markers around a short name: "*ST华业", "深天地A", "东贝B股", "中弘退".
_STOCK_MARKERS = re.compile(
    r"^(?:s?\*?st|pt|s|退市)(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])(?:a|b|b股|退)$")
_DOTTED_INITIALS = re.compile(r"\b(?:[a-z]\s?\.\s?){2,}(?=\W|$)")
_PATENT_OFFICE_RESIDUE = re.compile(r"\b(?:cnt|sta)\s+\w+\s+cod\s+\d+.*$")
_PARENTHESES = re.compile(r"[(\[{]([^)\]}]*)[)\]}]")
_NON_WORD = re.compile(r"[^\w\u3400-\u9fff]+")


@dataclass(frozen=True)
class NormalisedName:
    """A name taken apart: the comparison key and what was removed to reach it."""

    original: str
    key: str  # comparison key: legal forms, place prefix, punctuation and stopwords removed
    legal_forms: tuple[str, ...]  # legal forms stripped, outermost last
    place: str | None  # place kept as a feature ("江苏", "jiangsu"), not deleted silently
    tokens: tuple[str, ...]  # words of the key (Latin) or the key's characters (Chinese)
    qualifier: str = ""  # text in parentheses, e.g. an acronym "(INRA)"
    script: str = "latin"  # "latin", "chinese" or "mixed"
    generic: bool = False  # Latin, no place, only GENERIC_WORDS ("solar power")

    @cached_property  # read for every pair blocking compares
    def compact(self) -> str:
        """The key without spaces ("EastmanKodak" and "Eastman Kodak" agree)."""
        return self.key.replace(" ", "")

    @property
    def full_key(self) -> str:
        """Place and key: use this, not ``key``, as an identity (北京银行 != 南京银行,
        "Jiangsu Best Solar" != "Jiangxi Best Solar")."""
        if self.script == "latin" and self.place:
            return f"{self.place} {self.key}"
        return (self.place or "") + self.key


def fold_text(text: str) -> str:
    """NFKC width/punctuation folding, mojibake repair, accents off, simplified Chinese."""
    text = repair_mojibake(unicodedata.normalize("NFKC", text))
    decomposed = unicodedata.normalize("NFKD", text)
    text = unicodedata.normalize(
        "NFKC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))
    if _CJK.search(text):
        text = zhconv.convert(text, "zh-hans")
    return text.casefold().strip()


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252 ("Ã¢â‚¬Å“" -> "“"), as often as it was applied."""
    for _ in range(3):
        if not re.search("[ÃÂâ][\u0080-\u20ff]", text):
            return text
        try:
            raw = bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in text)
            text = raw.decode("utf-8")
        except (UnicodeError, ValueError):
            return text
    return text


@lru_cache(maxsize=200_000)
def normalise_name(name: str) -> NormalisedName:
    """Normalise one organisation name (Chinese, English or mixed)."""
    text = fold_text(name)
    qualifier = " ".join(_PARENTHESES.findall(text)).strip()
    without_parentheses = _PARENTHESES.sub(" ", text)
    if _CJK.search(text):
        return _normalise_chinese(name, without_parentheses, qualifier)
    return _normalise_latin(name, without_parentheses, _PARENTHESES.findall(text))


def latin_tokens(text: str) -> list[str]:
    """Words of a folded Latin name, dotted initials joined and abbreviations expanded."""
    text = _PATENT_OFFICE_RESIDUE.sub(" ", text)
    text = _DOTTED_INITIALS.sub(lambda m: re.sub(r"[\s.]", "", m.group(0)) + " ", text)
    text = text.replace("&", " and ")
    words: list[str] = []
    for word in _NON_WORD.sub(" ", text).split():
        words.extend(ABBREVIATIONS.get(word, word).split())
    return words


def strip_latin_legal_forms(words: list[str]) -> tuple[list[str], list[str]]:
    """Strip legal forms from the end (and a leading "kabushiki kaisha"); never to nothing."""
    stripped: list[str] = []
    changed = True
    while changed and words:
        changed = False
        for form in LATIN_LEGAL_FORMS:
            n = len(form)
            if len(words) > n and tuple(words[-n:]) == form:
                stripped.insert(0, " ".join(form))
                words, changed = words[:-n], True
                break
            if len(words) > n and tuple(words[:n]) == form and n > 1:
                stripped.insert(0, " ".join(form))
                words, changed = words[n:], True
                break
        if not changed and len(words) > 1 and _is_misspelt_legal_word(words[-1]):
            stripped.insert(0, words[-1])
            words, changed = words[:-1], True
        if not changed and len(words) > 1 and words[-1] in TRAILING_JOINERS and stripped:
            words, changed = words[:-1], True
    return words, stripped


def _is_misspelt_legal_word(word: str) -> bool:
    if len(word) < 5:
        return False
    letters = sorted(word)
    return any(Levenshtein.normalized_similarity(word, legal) >= 0.75 or letters == sorted(legal)
               for legal in FUZZY_LEGAL_WORDS)


def _normalise_latin(original: str, text: str, parentheses: list[str]) -> NormalisedName:
    words, legal = strip_latin_legal_forms(latin_tokens(text))
    places, words = split_latin_places(words)
    qualifier: list[str] = []
    for inner in map(latin_tokens, parentheses):
        inner_places, rest = split_latin_places(inner, keep=0)
        if not rest:  # "Chint Solar (Zhejiang)": a place, as "Chint Solar Zhejiang"
            places += inner_places
        elif not LISTING_WORDS & set(inner):  # "(continued)", "(formerly X)": not the name
            qualifier += inner
    tokens = drop_stopwords(words)
    place = " ".join(dict.fromkeys(places)) or None
    return NormalisedName(
        original=original, key=" ".join(tokens), legal_forms=tuple(legal), place=place,
        tokens=tokens, qualifier=" ".join(qualifier), script="latin",
        generic=place is None and all(t in GENERIC_WORDS for t in tokens))


def drop_stopwords(words: list[str]) -> tuple[str, ...]:
    """Words without stop words, but an opening one that is the name's distinctive part is
    kept: "ON Semiconductor" -> "on semiconductor", "AT&T" -> "at t" (without it only generic
    words or single letters would remain)."""
    kept = [w for w in words if w not in STOPWORDS]
    if (words and words[0] in STOPWORDS and words[0] not in ARTICLES
            and all(w in GENERIC_WORDS or len(w) == 1 for w in kept)):
        kept.insert(0, words[0])
    return tuple(kept) or tuple(words)


def latin_place(words: list[str]) -> tuple[str | None, int]:
    """The place opening ``words`` (one word, or two joined: "tian jin", "hong kong") as its
    canonical pinyin, and how many words it takes."""
    for size in (2, 1):
        joined = "".join(words[:size])
        if len(words) >= size and (place := PLACE_ALIASES.get(joined, joined)) in LATIN_PLACES:
            return place, size
    return None, 0


def _trailing_place(words: list[str]) -> tuple[str | None, int]:
    for size in (2, 1):
        place, taken = latin_place(words[-size:]) if len(words) >= size else (None, 0)
        if place and taken == size:
            return place, size
    return None, 0


def split_latin_places(words: list[str], keep: int = 1) -> tuple[list[str], list[str]]:
    """Take place words off both ends of a name ("Jiangsu ...", "... Zhejiang"), leaving at
    least ``keep`` words; return (places, remaining words)."""
    head: list[str] = []
    tail: list[str] = []
    while True:
        place, size = latin_place(words)
        if place is None or len(words) - size < keep:
            break
        head.append(place)
        words = words[size:]
    while True:
        place, size = _trailing_place(words)
        if place is None or len(words) - size < keep:
            break
        tail.insert(0, place)
        words = words[:-size]
    return head + tail, words


def split_chinese_place(text: str) -> tuple[str | None, str]:
    """Split a leading province/city prefix ("江苏省无锡市") from the rest of a name."""
    places: list[str] = []
    rest = text
    while True:
        place = next((p for p in CHINESE_PLACES if rest.startswith(p)), None)
        if place is None:
            break
        tail = rest[len(place):]
        suffix = next((s for s in PLACE_SUFFIXES if tail.startswith(s)), "")
        if len(tail) - len(suffix) < 2:  # "北京银行" keeps a name of at least two characters
            break
        places.append(place)
        rest = tail[len(suffix):]
    return ("".join(places) or None), rest


def strip_chinese_legal_forms(text: str) -> tuple[str, list[str]]:
    """Strip Chinese legal forms from the end, and 集团/控股 inside the name's parentheses."""
    stripped: list[str] = []
    changed = True
    while changed:
        changed = False
        for form in CHINESE_LEGAL_FORMS:
            if text.endswith(form) and len(text) > len(form) + 1:
                stripped.insert(0, form)
                text, changed = text[: -len(form)], True
                break
    return text, stripped


def _normalise_chinese(original: str, text: str, qualifier: str) -> NormalisedName:
    markers = [m.group(0) for m in _STOCK_MARKERS.finditer(text.strip())]
    latin_part, cjk_part = _split_scripts(_STOCK_MARKERS.sub("", text.strip()))
    place, rest = split_chinese_place(cjk_part)
    core, legal = strip_chinese_legal_forms(rest)
    q_core, q_legal = strip_chinese_legal_forms(qualifier.replace(" ", ""))
    if q_core in CHINESE_LEGAL_FORMS or not q_core:
        legal = [q_core, *q_legal, *legal] if q_core else [*q_legal, *legal]
        qualifier = ""
    key = core + (" " + " ".join(latin_part) if latin_part else "")
    return NormalisedName(
        original=original, key=key.strip(), legal_forms=tuple(markers + legal), place=place,
        tokens=tuple(core) + tuple(latin_part), qualifier=qualifier,
        script="mixed" if latin_part else "chinese")


def _split_scripts(text: str) -> tuple[list[str], str]:
    """Latin words (legal forms stripped) and the Chinese characters of a mixed name."""
    cjk = "".join(_CJK.findall(text))
    latin = _CJK.sub(" ", text)
    words, _ = strip_latin_legal_forms(latin_tokens(latin)) if latin.strip() else ([], [])
    return [w for w in words if w not in STOPWORDS], cjk
