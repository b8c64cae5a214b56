"""Explainable similarity of two normalised organisation names, and the blocking that
decides which pairs are compared at all.

>>> from innochain.loaders.name_normalisation import normalise_name
>>> similarity = NameSimilarity([])
>>> similarity.compare(normalise_name("Xerox Corp."), normalise_name("XEROX CORPORATION")).reasons
('same key after legal-form strip',)
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from innochain.loaders.name_normalisation import (
    GENERIC_WORDS,
    STOPWORDS,
    NormalisedName,
    normalise_name,
)

TOKEN_TYPO_SIMILARITY = 0.8  # two words of >= 5 letters this close count as one word misspelt
SKIP_BIGRAM_WINDOW = 3  # Chinese blocking: ordered character pairs at most this far apart


@dataclass(frozen=True)
class NameMatch:
    """How similar two names are, and which parts agreed (for explaining a merge)."""

    score: float
    reasons: tuple[str, ...]
    # "similar", or a containment rule ("head", "inside", "acronym", "short name") that joins
    # only when every name it points to is in one cluster
    kind: str = "similar"


class NameSimilarity:
    """Explainable similarity of two normalised names, with word weights from the corpus."""

    def __init__(self, norms: Iterable[NormalisedName]) -> None:
        norms = list(norms)
        doc_freq = Counter(t for n in norms if n.script == "latin" for t in set(n.tokens))
        total = max(len(norms), 1)
        self.weight = {t: math.log((total + 1) / (df + 0.5)) + 1.0 for t, df in doc_freq.items()}
        self.default_weight = math.log((total + 1) / 0.5) + 1.0

    def compare(self, a: NormalisedName, b: NormalisedName) -> NameMatch:
        """Score two names; a higher score means more likely the same organisation."""
        if not a.key or not b.key:
            return NameMatch(0.0, ("empty key",))
        if not places_agree(a.place, b.place):
            return NameMatch(0.0, (f"different place {a.place}/{b.place}",))
        if a.key == b.key or a.compact == b.compact:
            if (a.generic or b.generic) and a.full_key != b.full_key:
                return NameMatch(0.0, ("only generic words, and one name has a place",))
            if a.key == b.key:
                return NameMatch(1.0, ("same key after legal-form strip",))
            return NameMatch(0.99, ("same letters, spacing differs",))
        if (a.generic or b.generic) and not _misspelt(a.tokens, b.tokens):
            # "Solar Power" / "Solar Power Industries"; "General Elecric" is still its name
            return NameMatch(0.0, ("only generic words: the exact name is needed",))
        if a.script == b.script == "latin" and _parenthetical_agrees(a, b):
            return NameMatch(0.97, ("the name in parentheses agrees",))
        if a.script == "latin" and b.script == "latin":
            return self._compare_latin(a, b)
        return self._compare_chinese(a, b)

    def kept_match(self, a: NormalisedName, b: NormalisedName,
                   threshold: float) -> NameMatch | None:
        """`compare(a, b)` when resolution keeps it (a score at or above `threshold`, or a
        containment rule), else None. Most pairs blocking forms are two Chinese names weighed
        by their bigrams alone and dropped: those skip building an explanation."""
        if (a.key and b.key and not a.generic and not b.generic and a.key != b.key
                and a.compact != b.compact and not (a.script == b.script == "latin")
                and places_agree(a.place, b.place)
                and not _chinese_kept(a, b, threshold)):
            return None  # compare() would end in _compare_chinese with a dropped score
        match = self.compare(a, b)
        return match if match.score >= threshold or match.kind != "similar" else None

    def _compare_latin(self, a: NormalisedName, b: NormalisedName) -> NameMatch:
        score, matched, complete = self.soft_token_jaccard(a.tokens, b.tokens)
        if not complete and matched > len(set(a.tokens) & set(b.tokens)):
            # a misspelt word counts only when every other word agrees
            score, matched, _ = self.soft_token_jaccard(a.tokens, b.tokens, typos=False)
        reasons = [f"weighted token Jaccard {score:.2f} ({matched} words agree)"]
        distance = Levenshtein.distance(a.compact, b.compact)
        if (distance <= 2 and min(len(a.compact), len(b.compact)) >= 12
                and _misspelt_in_long_words(a.tokens, b.tokens)):
            char = 1 - distance / max(len(a.compact), len(b.compact))
            if char > score:
                score = char
                reasons.append(f"{distance} letter(s) apart")
        short, long_ = sorted((a, b), key=lambda n: (len(n.tokens), len(n.key)))
        if score >= 0.95 or len(short.tokens) == len(long_.tokens):
            return NameMatch(score, tuple(reasons))
        if long_.tokens[: len(short.tokens)] == short.tokens:
            return NameMatch(score, (f"{short.key!r} heads {long_.key!r}", *reasons), "head")
        if len(short.tokens) >= 3 and _heads_in_order(short.tokens, long_.tokens):
            return NameMatch(score, (f"{short.key!r} inside {long_.key!r}", *reasons), "inside")
        if len(short.tokens) == 1 and len(short.key) >= 3 and short.key == acronym(long_):
            return NameMatch(score, (f"{short.key!r} is the acronym of {long_.key!r}",), "acronym")
        return NameMatch(score, tuple(reasons))

    def soft_token_jaccard(self, a: tuple[str, ...], b: tuple[str, ...], *,
                           typos: bool = True) -> tuple[float, int, bool]:
        """IDF-weighted Jaccard where misspelt words (>= 5 letters, similarity >= 0.8) agree;
        returns the score, how many words agree, and whether every word found a partner."""
        pairs = []
        for i, x in enumerate(a):
            for j, y in enumerate(b):
                sim = 1.0 if x == y else _typo_similarity(x, y) if typos else 0.0
                if sim:
                    pairs.append((sim, i, j))
        pairs.sort(reverse=True)
        used_a: set[int] = set()
        used_b: set[int] = set()
        agree = total = 0.0
        for sim, i, j in pairs:
            if i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            w = (self._w(a[i]) + self._w(b[j])) / 2
            agree += sim * w
            total += w
        total += sum(self._w(t) for i, t in enumerate(a) if i not in used_a)
        total += sum(self._w(t) for j, t in enumerate(b) if j not in used_b)
        complete = len(used_a) == len(a) and len(used_b) == len(b)
        return (agree / total if total else 0.0), len(used_a), complete

    def _w(self, token: str) -> float:
        return self.weight.get(token, self.default_weight)

    def _compare_chinese(self, a: NormalisedName, b: NormalisedName) -> NameMatch:
        dice = bigram_dice(a.key, b.key)
        reason = f"character-bigram Dice {dice:.2f}"
        short, long_ = (a, b) if len(a.key) <= len(b.key) else (b, a)
        if len(short.key) < len(long_.key) and long_.key.startswith(short.key):
            return NameMatch(dice, (f"{short.key!r} heads {long_.key!r}", reason), "head")
        if is_chinese_short_name(short, long_):
            return NameMatch(dice, (f"short name {short.key!r} inside {long_.key!r}", reason),
                             "short name")
        return NameMatch(dice, (reason,))


def _chinese_kept(a: NormalisedName, b: NormalisedName, threshold: float) -> bool:
    """Whether `_compare_chinese(a, b)` scores at least `threshold` or names a containment."""
    if bigram_dice(a.key, b.key) >= threshold:
        return True
    short, long_ = (a, b) if len(a.key) <= len(b.key) else (b, a)
    return (len(short.key) < len(long_.key) and long_.key.startswith(short.key)) \
        or is_chinese_short_name(short, long_)


def places_agree(a: str | None, b: str | None) -> bool:
    """Whether two places can be one firm's seat: either unknown, or one within the other
    (江苏无锡 / 无锡, "jiangsu wuxi" / "wuxi"); 北京 / 南京 and jiangsu / jiangxi conflict."""
    if not a or not b:
        return True
    if a.isascii() or b.isascii():  # Latin places are words
        words_a, words_b = set(a.split()), set(b.split())
        return words_a <= words_b or words_b <= words_a
    return a in b or b in a


def _parenthetical_agrees(a: NormalisedName, b: NormalisedName) -> bool:
    """"IBM Corp. (International Business Machines Corp.)" against the name it gives, or two
    names giving the same acronym or multi-word name in parentheses. A listing or generic
    parenthesis ("(continued)", "(Holdings)", "(USA)") is no evidence."""
    for x, y in ((a, b), (b, a)):
        inner = normalise_name(x.qualifier) if len(x.qualifier) > 3 else None
        if inner is None or not _names_something(inner):
            continue
        if inner.key == y.key:
            return True
        if y.qualifier and normalise_name(y.qualifier).key == inner.key and (
                len(inner.tokens) > 1 or inner.key in (acronym(x), acronym(y))):
            return True
    return False


def _names_something(name: NormalisedName) -> bool:
    """Whether a parenthesis could name a firm: not a place nor only generic words ("HK",
    "USA", "Holdings"); listing notes ("continued") never reach the qualifier."""
    return not name.generic and not name.place


def _heads_in_order(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """The short name's words, exactly and in order, inside the long one, starting with its
    first word: "AAC Technologies Holdings" in "AAC Acoustic Technologies Holdings", but not a
    suffix ("Green Energy Technology" in "LONGi Green Energy Technology")."""
    if short[0] != long_[0]:
        return False
    words = iter(long_)
    return all(word in words for word in short)


def _misspelt(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same number of words, each the same or a misspelling of the other."""
    return len(a) == len(b) and all(
        x == y or _typo_similarity(x, y) for x, y in zip(a, b, strict=True))


def _misspelt_in_long_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two names differ only by typing errors: inside words of >= 4 letters ("Kodak"/
    "Kodal", "a2energie"/"energie"), or a short word slipped inside the name ("as represented
    by he Department"). A differing short word ("LY"/"TLG", "GIN"/"GTE") or a word added at
    either end ("Schuco USA S") makes another name."""
    def typing_error(op: str, i1: int, i2: int, j1: int, j2: int) -> bool:
        if op == "equal":
            return True
        if op == "replace":
            return min(len("".join(a[i1:i2])), len("".join(b[j1:j2]))) >= 4
        return 0 < i1 < len(a) and 0 < j1 < len(b)  # an insertion, not at either end
    return all(typing_error(*block)
               for block in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes())


def _typo_similarity(x: str, y: str) -> float:
    if min(len(x), len(y)) < 5 or x[0] != y[0]:
        return 0.0
    if x in GENERIC_WORDS and y in GENERIC_WORDS and x.rstrip("s") != y.rstrip("s"):
        return 0.0  # two dictionary words ("electric" / "electronic"), not a misspelling
    sim = Levenshtein.normalized_similarity(x, y)
    return sim if sim >= TOKEN_TYPO_SIMILARITY else 0.0


def acronym(name: NormalisedName) -> str:
    """Initials of the name's words ("international business machines" -> "ibm")."""
    return "".join(t[0] for t in name.tokens if t not in STOPWORDS) if len(name.tokens) > 1 else ""


def bigram_dice(a: str, b: str) -> float:
    """Dice coefficient of character bigrams (for Chinese, where words are not spaced)."""
    grams_a, grams_b = _bigrams(a), _bigrams(b)
    size = max(len(a) - 1, 0) + max(len(b) - 1, 0)
    if not size:
        return 0.0
    if len(grams_a) > len(grams_b):
        grams_a, grams_b = grams_b, grams_a
    # blocking compares each name with hundreds of others: the bigram counts are cached
    shared = sum(min(n, grams_b[g]) for g, n in grams_a.items() if g in grams_b)
    return 2 * shared / size


@lru_cache(maxsize=200_000)
def _bigrams(text: str) -> dict[str, int]:
    """Character bigram -> count (read only: the dict is shared through the cache)."""
    return dict(Counter(text[i:i + 2] for i in range(len(text) - 1)))


def is_chinese_short_name(short: NormalisedName, long_: NormalisedName) -> bool:
    """Short-name rule from chainkg name/fullname pairs: the short name's characters appear in
    order in the registered name (place prefix included), starting with its first character
    of the place or of the name proper (隆基绿能 / 隆基绿能科技, 华瓷 / 华联瓷业)."""
    if short.script == "latin" or long_.script == "latin" or len(short.key) < 2:
        return False
    if short.place and short.place != long_.place:
        return False
    full = (long_.place or "") + long_.key
    if short.key == full or len(short.key) >= len(full):
        return False
    starts = {long_.key[0], (long_.place or long_.key)[0]}
    if short.key[0] not in starts:
        return False
    chars = iter(full)
    return all(c in chars for c in short.key)


def blocking_keys(norm: NormalisedName) -> set[str]:
    """Keys under which a name is indexed; only names sharing a key are compared."""
    if norm.script == "latin":
        keys = {f"t:{t}" for t in norm.tokens if len(t) >= 2}
        keys |= {f"p:{t[:4]}" for t in norm.tokens if len(t) >= 6}
        keys.add(f"c:{norm.compact[:6]}")
        if len(norm.tokens) == 1:
            keys.add(f"a:{norm.key}")
        elif initials := acronym(norm):
            keys.add(f"a:{initials}")
        return keys
    text = (norm.place or "") + norm.key
    window = SKIP_BIGRAM_WINDOW
    return {f"s:{text[i]}{text[j]}" for i in range(len(text))
            for j in range(i + 1, min(i + 1 + window, len(text)))}


def candidate_pairs(norms: list[NormalisedName], max_block: int) -> Iterator[tuple[int, int]]:
    """Pairs of indices sharing a blocking key that is not too common."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, norm in enumerate(norms):
        for key in blocking_keys(norm):
            blocks[key].append(index)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > max_block:
            continue
        for pos, i in enumerate(members):
            for j in members[pos + 1:]:
                if (i, j) not in seen:
                    seen.add((i, j))
                    yield i, j
