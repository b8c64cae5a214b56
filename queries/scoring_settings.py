"""The thresholds and weights every score uses: settings, not constants buried in code.

Defaults live here; a park can override any of them from a YAML file shaped like
`ScoringSettings.as_dict()` (see docs/packs.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from innochain.errors import ConfigError


@dataclass(frozen=True)
class StrengthThresholds:
    """How a segment is classed strong, weak or missing."""

    strong_min_rta: float = 1.0          # park share in segment / park share overall
    strong_min_park_weighted: float = 3.0  # and at least this many weighted park patents
    missing_max_park_weighted: float = 0.0  # at or below this the park is absent
    rta_min_patents: float = 5.0         # fewer weighted patents: RTA is flagged unreliable


def _partner_weights() -> dict[str, float]:
    return {"chain_fit": 0.30, "technology_fit": 0.25, "supply_link": 0.20,
            "cooperation": 0.15, "park_proximity": 0.10}


def _licensee_weights() -> dict[str, float]:
    return {"citations": 0.35, "technology_fit": 0.25, "segment_fit": 0.20,
            "park_proximity": 0.10, "new_licensee": 0.10}


def _attraction_weights() -> dict[str, float]:
    return {"strength": 0.35, "momentum": 0.20, "park_citations": 0.25,
            "supply_ties": 0.10, "domestic": 0.10}


@dataclass(frozen=True)
class ScoringSettings:
    """Every threshold and weight; counts are turned into 0..1 parts by dividing by a cap."""

    strength: StrengthThresholds = field(default_factory=StrengthThresholds)
    partner_weights: dict[str, float] = field(default_factory=_partner_weights)
    licensee_weights: dict[str, float] = field(default_factory=_licensee_weights)
    attraction_weights: dict[str, float] = field(default_factory=_attraction_weights)
    class_cap: int = 3      # shared classes at which technology fit is full
    citation_cap: int = 3   # citations at which the citation part is full

    def as_dict(self) -> dict[str, Any]:
        """Plain data, for a YAML file or a report's appendix."""
        return asdict(self)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> ScoringSettings:
        """Defaults overridden by the keys given; an unknown key or weight name is an error."""
        base = cls()
        known = {f.name for f in fields(cls)}
        unknown = [k for k in data if k not in known]
        if unknown:
            raise ConfigError(f"unknown scoring setting {unknown[0]!r}; known: {sorted(known)}")
        changes: dict[str, Any] = {}
        for key, value in data.items():
            current = getattr(base, key)
            if isinstance(current, StrengthThresholds):
                changes[key] = replace(current, **_checked(key, value, asdict(current)))
            elif isinstance(current, dict):
                changes[key] = {**current, **_checked(key, value, current)}
            else:
                changes[key] = type(current)(value)
        return replace(base, **changes)

    @classmethod
    def from_yaml(cls, path: Path) -> ScoringSettings:
        """Settings from a YAML file of overrides."""
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"cannot read scoring settings {path}: {exc}") from None
        return cls.from_mapping(data)


def _checked(section: str, value: Any, allowed: Mapping[str, Any]) -> dict[str, float]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"scoring setting {section} must be a mapping")
    unknown = [k for k in value if k not in allowed]
    if unknown:
        raise ConfigError(f"unknown key {unknown[0]!r} in scoring setting {section}; "
                          f"known: {sorted(allowed)}")
    return {k: float(v) for k, v in value.items()}
