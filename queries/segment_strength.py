"""Segment strength from `landscape.segment_strength`: shares, RTA, HHI and a class, with parts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from innochain.queries.scoring_settings import ScoringSettings, StrengthThresholds


def _ratio(numerator: float, denominator: float) -> float | None:
    return float(numerator) / float(denominator) if denominator else None


def segment_strength(frame: pd.DataFrame, settings: ScoringSettings | None = None) -> pd.DataFrame:
    """Add park_share, rta, rta_reliable, foreign_share, hhi, strength and the reason."""
    limits = (settings or ScoringSettings()).strength
    out = frame.copy()
    rows = [_one_segment({str(k): v for k, v in row.items()}, limits)
            for row in frame.to_dict("records")]
    for column in ("park_share", "park_share_overall", "rta", "rta_reliable", "foreign_share",
                   "hhi", "strength", "reason"):
        out[column] = [r[column] for r in rows]
    return out


def _num(row: Mapping[str, Any], key: str) -> float:
    value = row.get(key)
    return float(value) if value is not None else 0.0


def _one_segment(row: Mapping[str, Any], limits: StrengthThresholds) -> dict[str, Any]:
    total, park = _num(row, "patents_weighted"), _num(row, "park_weighted")
    park_share = _ratio(park, total)
    overall = _ratio(_num(row, "chain_park_weighted"), _num(row, "chain_weighted"))
    rta = _ratio(park_share, overall) if park_share is not None and overall else None
    holder_total = _num(row, "holder_weight_total")
    hhi = _ratio(_num(row, "holder_weight_squares"), holder_total * holder_total)
    strength, zh, en = _classify(park, rta, limits)
    reliable = total >= limits.rta_min_patents
    if not reliable:
        zh += f"；RTA 不可靠：仅 {total:g} 件加权专利（< {limits.rta_min_patents:g}）"
        en += f"; RTA unreliable: only {total:g} weighted patents (< {limits.rta_min_patents:g})"
    reason = f"{zh} / {en}"  # Chinese first, English beside, as every score's evidence
    return {"park_share": park_share, "park_share_overall": overall, "rta": rta,
            "rta_reliable": reliable, "foreign_share": _ratio(_num(row, "foreign_weighted"), total),
            "hhi": hhi, "strength": strength, "reason": reason}


def _classify(park: float, rta: float | None,
              limits: StrengthThresholds) -> tuple[str, str, str]:
    """The class and its reason in Chinese and in English."""
    if park <= limits.missing_max_park_weighted:
        most = f"{limits.missing_max_park_weighted:g}"
        return ("missing", f"园区持有加权专利 {park:g} 件（≤ {most}）",
                f"park holds {park:g} weighted patents (<= {most})")
    rta_text = "n/a" if rta is None else f"{rta:.2f}"
    min_rta, min_park = f"{limits.strong_min_rta:g}", f"{limits.strong_min_park_weighted:g}"
    if rta is not None and rta >= limits.strong_min_rta and park >= limits.strong_min_park_weighted:
        return ("strong",
                f"RTA {rta_text} ≥ {min_rta}，且园区持有加权专利 {park:g} 件 ≥ {min_park}",
                f"RTA {rta_text} >= {min_rta} and park holds {park:g} >= {min_park} "
                "weighted patents")
    return ("weak", f"RTA {rta_text}（强需 ≥ {min_rta}），园区持有加权专利 {park:g} 件"
                    f"（强需 ≥ {min_park}）",
            f"RTA {rta_text} (strong needs >= {min_rta}), park holds {park:g} weighted patents "
            f"(strong needs >= {min_park})")
