"""Seeded synthetic patent portfolios shaped by a chain template.

No public set of photovoltaic patent records can be had on these machines, so the demo and the
scale benchmarks generate portfolios. Every generated node and relationship carries
`source = SOURCE` (default "synthetic-demo") and `synthetic = true`, and patent ids start with
`SYN-` so they can never be mistaken for real publication numbers. Loading real exports
replaces them.

Shape (documented, seeded, so a run can be repeated exactly):
- holders: given (demo: real firms with declared segments) or drawn with `power_law_holders`
  (portfolio sizes follow a Zipf law, exponent ~1.1, as patent holdings do);
- each patent: one holder (5 % a second co-owner from the same segment), a technology drawn
  from the holder's segments, 1-3 classes from that technology's IPC patterns, a filing year
  drawn with a growth trend (more recent years more likely), 1-4 inventors from the holder's
  inventor pool (pool ~ portfolio / 4, Zipf-weighted, so a few prolific inventors stand out);
- citations: 0-5 per patent to earlier patents, 70 % in the same technology;
- supply links: between holders of segments that FEED each other (`supply_links`).
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from innochain.loaders.chain_template import ChainTemplate
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record

SOURCE = "synthetic-demo"
COUNTRY_MIX = (("CN", 0.55), ("US", 0.12), ("JP", 0.10), ("DE", 0.08), ("KR", 0.08),
               ("FR", 0.03), ("NL", 0.02), ("NO", 0.02))


@dataclass
class HolderSpec:
    """One patent holder and what it works on."""

    org_id: str
    name: str
    country: str
    segments: list[str]
    weight: float = 1.0  # relative portfolio size
    in_park: bool = False
    role: str = "Firm"
    emit_node: bool = True  # False when the organisation is loaded from real data already


@dataclass
class _State:
    rng: random.Random
    by_tech: dict[str, list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    all_ids: list[str] = field(default_factory=list)


def power_law_holders(template: ChainTemplate, n_holders: int, seed: int,
                      park_share: float = 0.05) -> list[HolderSpec]:
    """Synthetic holders: Zipf-sized portfolios, 1-3 segments each, a country mix."""
    rng = random.Random(seed)
    segments = [s for s in template.segments if _technologies_of(template, s)]
    countries, weights = zip(*COUNTRY_MIX, strict=True)
    holders = []
    for i in range(n_holders):
        country = rng.choices(countries, weights)[0]
        holders.append(HolderSpec(
            org_id=f"syn:org:{i:07d}", name=f"Synthetic Holder {i:07d}", country=country,
            segments=rng.sample(segments, k=min(len(segments), rng.choice((1, 1, 2, 3)))),
            weight=1.0 / (i + 1) ** 1.1, in_park=country == "CN" and rng.random() < park_share))
    return holders


def _technologies_of(template: ChainTemplate, segment: str) -> list[str]:
    return [t.id for t in template.technologies.values()
            if segment in t.segments and (t.ipc or t.cpc)]


def generate_portfolio(template: ChainTemplate, holders: list[HolderSpec], n_patents: int, *,
                       seed: int, years: tuple[int, int] = (2008, 2024),
                       source: str = SOURCE) -> Iterator[Record]:
    """Yield holders, classes, patents, ownership, inventors and citations, nodes first."""
    state = _State(random.Random(seed))
    origin_file = f"<{source} seed={seed}>"
    yield from _holder_nodes(holders, source, origin_file)
    yield from _class_nodes(template, source, origin_file)
    cumulative = list(itertools.accumulate(h.weight for h in holders))
    inventors: dict[str, int] = {}
    for n in range(n_patents):
        origin = Origin(origin_file, n + 1)
        holder = holders[bisect.bisect_left(cumulative, state.rng.random() * cumulative[-1])]
        yield from _one_patent(template, holder, holders, n, years, state, inventors, source,
                               origin)


def generate_sized_portfolios(template: ChainTemplate, holders: list[HolderSpec],
                              sizes: list[int], *, seed: int,
                              years: tuple[int, int] = (2008, 2024),
                              source: str = SOURCE) -> Iterator[Record]:
    """Like `generate_portfolio`, but holder i gets exactly sizes[i] patents, numbered as one
    block in holder order (holder 0 holds n = 0 .. sizes[0]-1, and so on), so a data file can
    name a given holder's synthetic patent. Filing order is shuffled, so citations still run
    between every holder's patents."""
    if len(sizes) != len(holders):
        raise ValueError(f"{len(holders)} holders but {len(sizes)} sizes")
    state = _State(random.Random(seed))
    origin_file = f"<{source} seed={seed}>"
    yield from _holder_nodes(holders, source, origin_file)
    yield from _class_nodes(template, source, origin_file)
    offsets = list(itertools.accumulate([0, *sizes[:-1]]))
    order = [i for i, size in enumerate(sizes) for _ in range(size)]
    state.rng.shuffle(order)
    used = [0] * len(holders)
    inventors: dict[str, int] = {}
    for i in order:
        n = offsets[i] + used[i]
        used[i] += 1
        yield from _one_patent(template, holders[i], holders, n, years, state, inventors,
                               source, Origin(origin_file, n + 1))


def _holder_nodes(holders: list[HolderSpec], source: str, origin_file: str) -> Iterator[Record]:
    for i, h in enumerate(holders):
        if h.emit_node:
            yield NodeRecord("Organization", h.org_id, {
                "name": h.name, "country": h.country, "in_park": h.in_park,
                "role": h.role.lower(), "source": source, "synthetic": True},
                Origin(f"{origin_file} holders", i + 1), role=h.role)


def _class_nodes(template: ChainTemplate, source: str, origin_file: str) -> Iterator[Record]:
    codes = sorted({c for t in template.technologies.values() for c in (*t.ipc, *t.cpc)})
    for code in codes:
        yield NodeRecord("CPC", code, {"scheme": "ipc" if code in _ipc_codes(template) else "cpc"},
                         None)


def _ipc_codes(template: ChainTemplate) -> set[str]:
    return {c for t in template.technologies.values() for c in t.ipc}


def _one_patent(template: ChainTemplate, holder: HolderSpec, holders: list[HolderSpec], n: int,
                years: tuple[int, int], state: _State, inventors: dict[str, int], source: str,
                origin: Origin) -> Iterator[Record]:
    rng = state.rng
    segment = rng.choice(holder.segments)
    tech_id = rng.choice(_technologies_of(template, segment))
    tech = template.technologies[tech_id]
    classes = rng.sample(list(tech.ipc or tech.cpc), k=min(len(tech.ipc or tech.cpc),
                                                           rng.choice((1, 1, 2, 3))))
    span = years[1] - years[0]
    year = years[0] + int(span * rng.random() ** 0.6)  # growth: recent years more likely
    jur = "CN" if holder.country == "CN" else rng.choice(("US", "EP", "CN", holder.country))
    pid = f"SYN-{jur}-{n:09d}"
    yield NodeRecord("Patent", pid, {
        "title": f"{tech.name_en} ({tech.name_zh}) — synthetic record {n}",
        "jurisdiction": jur, "year": year, "filing_date": f"{year}-{rng.randint(1, 12):02d}-15",
        "main_class": classes[0], "technology": tech_id, "source": source, "synthetic": True},
        origin)
    yield EdgeRecord("OWNS", "Organization", holder.org_id, "Patent", pid,
                     {"sequence": 1, "source": source}, origin)
    if rng.random() < 0.05:
        partner = rng.choice(holders)
        if partner.org_id != holder.org_id:
            yield EdgeRecord("OWNS", "Organization", partner.org_id, "Patent", pid,
                             {"sequence": 2, "source": source}, origin)
    for i, code in enumerate(classes):
        yield EdgeRecord("CLASSIFIED_AS", "Patent", pid, "CPC", code,
                         {"main": i == 0, "source": source}, origin)
    yield from _inventors(holder, pid, rng, inventors, source, origin)
    yield from _citations(pid, tech_id, state, source, origin)
    state.by_tech[tech_id].append((pid, year))
    state.all_ids.append(pid)


def _inventors(holder: HolderSpec, pid: str, rng: random.Random, pools: dict[str, int],
               source: str, origin: Origin) -> Iterator[Record]:
    pools[holder.org_id] = pools.get(holder.org_id, 0) + 1
    pool = max(1, pools[holder.org_id] // 4 + 1)
    chosen = {int(pool * rng.random() ** 2) for _ in range(rng.randint(1, 4))}  # a few prolific
    for seq, k in enumerate(sorted(chosen), start=1):
        person = f"syn:person:{holder.org_id.rsplit(':', 1)[-1]}:{k}"
        yield NodeRecord("Person", person, {"name": f"Inventor {k} of {holder.name}",
                                            "country": holder.country, "source": source,
                                            "synthetic": True}, origin)
        yield EdgeRecord("INVENTED", "Person", person, "Patent", pid,
                         {"sequence": seq, "source": source}, origin)


def _citations(pid: str, tech_id: str, state: _State, source: str,
               origin: Origin) -> Iterator[Record]:
    rng = state.rng
    same = state.by_tech[tech_id]
    cited: set[str] = set()
    for _ in range(rng.choice((0, 1, 1, 2, 3, 5))):
        if same and rng.random() < 0.7:
            cited.add(same[int(len(same) * rng.random() ** 0.5)][0])  # recent ones more often
        elif state.all_ids:
            cited.add(rng.choice(state.all_ids))
    for target in sorted(cited):
        yield EdgeRecord("CITES", "Patent", pid, "Patent", target, {"source": source}, origin)


def supply_links(template: ChainTemplate, holders: list[HolderSpec], per_holder: float,
                 seed: int, source: str = SOURCE) -> Iterator[Record]:
    """SUPPLIES between holders whose segments feed each other (upstream -> downstream)."""
    rng = random.Random(seed)
    by_segment: dict[str, list[HolderSpec]] = defaultdict(list)
    for h in holders:
        for s in h.segments:
            by_segment[s].append(h)
    seen: set[tuple[str, str]] = set()
    for i, supplier in enumerate(holders):
        downstream = [d for s in supplier.segments for d in template.segments[s].feeds
                      if by_segment.get(d)]
        for _ in range(int(per_holder) + (rng.random() < per_holder % 1)):
            if not downstream:
                break
            customer = rng.choice(by_segment[rng.choice(downstream)])
            pair = (supplier.org_id, customer.org_id)
            if customer.org_id == supplier.org_id or pair in seen:
                continue
            seen.add(pair)
            yield EdgeRecord("SUPPLIES", "Organization", supplier.org_id, "Organization",
                             customer.org_id, {"since": 2010 + rng.randint(0, 14),
                                               "source": source},
                             Origin(f"<{source} supply seed={seed}>", i + 1))
