"""Which chain segments and technologies a patent belongs to, from its IPC/CPC classes."""

from __future__ import annotations

from collections.abc import Iterable

from innochain.loaders.chain_template import ChainTemplate


def match_technologies(template: ChainTemplate, classes: Iterable[str]) -> list[str]:
    """Ids of the technologies whose IPC/CPC patterns cover any of ``classes``, in file order.

    Codes that cannot be parsed are ignored: patent exports carry stray text.
    """
    hits: set[str] = set()
    for raw in classes:
        hits |= template.technologies_covering(raw)
    return [t for t in template.technologies if t in hits]


def match_segments(template: ChainTemplate, classes: Iterable[str]) -> dict[str, float]:
    """Fractional segment membership of a patent from its classes.

    A patent belongs to the segments of the technologies its classes fall under, each of the
    n distinct segments with weight 1/n (the weights sum to 1; empty when nothing matches).
    Keys follow chain order.
    """
    seg_ids: set[str] = set()
    for tech_id in match_technologies(template, classes):
        seg_ids.update(template.technologies[tech_id].segments)
    if not seg_ids:
        return {}
    share = 1.0 / len(seg_ids)
    ordered = sorted(seg_ids, key=lambda s: (template.segments[s].order, s))
    return {s: share for s in ordered}
