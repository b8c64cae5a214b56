"""Measure partner ranking on real links: learn from a known graph, rank, check later links.

Steps (DESIGN.md, Scoring: "Matchmaking quality is measured, not assumed"):

1. Fit: split the known quadruples once more at `fit_weeks` before their last stamp, load
   the earlier part, rank candidates for the heads of the later part and fit the ranker's
   weights on them (`partner_ranking.fit_weights`). The truth file is not read here.
2. Load the whole known graph, rank every organisation for each head of the truth file
   (its tails are never used for ranking) and measure the ranker against two baselines:
   popularity (degree in the known graph) and common neighbours.

Only (head, tail) pairs whose both ends are organisations of the known graph can be ranked;
the others are counted and reported, never guessed. Pairs are distinct (head, tail): a pair
recorded twice, or under two chosen relations, counts once. Known partners stay candidates:
a later quadruple may repeat a known pair (for instance the other way round).
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from innochain.errors import ConfigError
from innochain.graph.store import GraphStore
from innochain.loaders import ickg
from innochain.loaders.ickg_split import check_folder, read_truth, write_time_split
from innochain.loaders.load_run import run_load
from innochain.queries.link_metrics import RankingMetrics, ranked_keys, ranks_of, summarise
from innochain.queries.partner_ranking import (
    DEFAULT_WEIGHTS,
    candidate_table,
    fit_case,
    fit_weights,
    score_candidates,
)
from innochain.queries.runner import run

# Relations that join two organisations, so their tails can be ranked as partners.
ORG_RELATIONS = ("合作", "供给", "合资", "并购", "投资", "竞争", "母公司/控股")
METHODS = ("ranker", "popularity", "common neighbours")


@dataclass(frozen=True)
class TruthPairs:
    """The (head, tail) pairs to rank, by organisation id, and what could not be ranked."""

    pairs: dict[str, set[str]]
    head_names: dict[str, str]
    total: int
    unseen_heads: tuple[str, ...]
    unseen_tails: tuple[str, ...]

    @property
    def evaluated(self) -> int:
        """Pairs with both ends in the known graph."""
        return sum(len(tails) for tails in self.pairs.values())


@dataclass
class EvaluationReport:
    """What was measured, on how many pairs, with which weights."""

    relations: tuple[str, ...]
    truth: TruthPairs
    metrics: dict[str, RankingMetrics]
    weights: dict[str, float]
    fit_pairs: int
    inner_cut: str
    ranked: dict[str, pd.DataFrame] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {"relations": list(self.relations), "pairs_total": self.truth.total,
                "pairs_evaluated": self.truth.evaluated,
                "unseen_heads": len(self.truth.unseen_heads),
                "unseen_tails": len(self.truth.unseen_tails),
                "inner_cut": self.inner_cut, "fit_pairs": self.fit_pairs,
                "weights": self.weights,
                "metrics": {m: r.as_dict() for m, r in self.metrics.items()}}


def link_types(relations: Sequence[str]) -> list[str]:
    """Relationship types of ICKG relation names; ConfigError for one that is not org-org."""
    wrong = [r for r in relations if r not in ORG_RELATIONS]
    if wrong or not relations:
        raise ConfigError(f"relation {wrong[0] if wrong else '(none)'!r} cannot be ranked as a "
                          f"partner link; choose from {', '.join(ORG_RELATIONS)}")
    return sorted({ickg.RELATIONS[r][0] for r in relations})


def organisation_ids(quads: Sequence[ickg.Quadruple]) -> dict[str, str]:
    """Entity name -> organisation node id, for the names the quadruples type as organisations."""
    kinds = ickg.entity_kinds(list(quads))
    return {name: ickg.node_key(name, kind) for name, kind in kinds.items()
            if kind in ("firm", "institute")}


def truth_pairs(truth: Iterable[ickg.Quadruple], relations: Sequence[str],
                known: Mapping[str, str], graph_ids: set[str]) -> TruthPairs:
    """Distinct pairs of the chosen relations; an end is seen when its name is an
    organisation of the known quadruples whose node is in the graph."""
    wanted = sorted({(q.head, q.tail) for q in truth if q.rel in relations})
    pairs: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    unseen_heads, unseen_tails = set(), set()
    for head, tail in wanted:
        head_id, tail_id = known.get(head), known.get(tail)
        head_seen, tail_seen = head_id in graph_ids, tail_id in graph_ids
        if not head_seen:
            unseen_heads.add(head)
        if not tail_seen:
            unseen_tails.add(tail)
        if head_seen and tail_seen and head_id != tail_id:
            assert head_id is not None and tail_id is not None
            pairs[head_id].add(tail_id)
            names.setdefault(head_id, head)
    return TruthPairs(dict(pairs), names, len(wanted), tuple(sorted(unseen_heads)),
                      tuple(sorted(unseen_tails)))


def load_known(store: GraphStore, folder: Path) -> None:
    """Load an ICKG folder into an empty store, without entity resolution: node ids are
    then exactly `ickg.node_key` of each name, so truth names map onto them."""
    run_load(store, ickg.KIND, ickg.records([folder]), files=[str(folder)])


def activity_frame(store: GraphStore, types: list[str], recent_year: int) -> pd.DataFrame:
    """`match.candidate_activity`: every organisation of the graph with its activity."""
    return run(store, "match.candidate_activity",
               {"link_types": types, "recent_year": recent_year}).frame


def candidate_tables(store: GraphStore, activity: pd.DataFrame, head_ids: Iterable[str],
                     types: list[str]) -> dict[str, pd.DataFrame]:
    """Head id -> its candidate table (every other organisation with activity and evidence)."""
    tables = {}
    for head in sorted(head_ids):
        evidence = run(store, "match.partner_evidence",
                       {"org_id": head, "link_types": types}).frame
        tables[head] = candidate_table(activity, evidence, head)
    return tables


def _weeks_before(day: str, weeks: int) -> str:
    return (date.fromisoformat(day) - timedelta(weeks=weeks)).isoformat()


@dataclass(frozen=True)
class FitOutcome:
    """Weights fitted on the known period, the inner cut and how many pairs they came from."""

    weights: dict[str, float]
    inner_cut: str
    pairs: int


def fit_on_known(store: GraphStore, known_dir: Path, relations: Sequence[str],
                 fit_weeks: int = 26) -> FitOutcome:
    """Fit the weights on an inner time split of the known folder (the store is left empty).
    With no pair to learn from, the default weights are kept."""
    known = ickg.read_quadruples(known_dir)
    if not known:
        raise ConfigError(f"{known_dir} holds no quadruples: nothing is known to rank from")
    inner_cut = _weeks_before(known[-1].time, fit_weeks)
    types = link_types(relations)
    with tempfile.TemporaryDirectory(prefix="innochain-fit-") as tmp:
        split = write_time_split(known_dir, inner_cut, Path(tmp))
        store.clear()
        load_known(store, split.known_dir)
        inner_known = ickg.read_quadruples(split.known_dir)
        inner_truth = read_truth(split.known_dir, split.truth_file)
    if not inner_known:
        store.clear()
        return FitOutcome(dict(DEFAULT_WEIGHTS), inner_cut, 0)
    activity = activity_frame(store, types, int(inner_known[-1].time[:4]))
    pairs = truth_pairs(inner_truth, relations, organisation_ids(inner_known),
                        set(activity["candidate_id"]))
    tables = candidate_tables(store, activity, pairs.pairs, types)
    store.clear()
    if not pairs.evaluated:
        return FitOutcome(dict(DEFAULT_WEIGHTS), inner_cut, 0)
    cases = [fit_case(tables[head], tails) for head, tails in pairs.pairs.items()]
    return FitOutcome(fit_weights(cases), inner_cut, pairs.evaluated)


def _ranks(tables: Mapping[str, pd.DataFrame], pairs: TruthPairs,
           scores_of: Callable[[pd.DataFrame], dict[str, float]]) -> list[int | None]:
    ranks: list[int | None] = []
    for head in sorted(pairs.pairs):
        found = ranks_of(scores_of(tables[head]), sorted(pairs.pairs[head]))
        ranks.extend(found.values())
    return ranks


def _column_scores(column: str) -> Callable[[pd.DataFrame], dict[str, float]]:
    return lambda table: dict(zip(table["candidate_id"], table[column].astype(float),
                                  strict=True))


def evaluate_partners(store: GraphStore, known_dir: Path, truth_file: Path,
                      relations: Sequence[str], fit_weeks: int = 26) -> EvaluationReport:
    """Fit on the known period, then rank for the truth file's heads and measure."""
    check_folder(known_dir)
    types = link_types(relations)
    fitted = fit_on_known(store, known_dir, relations, fit_weeks)
    known = ickg.read_quadruples(known_dir)
    load_known(store, known_dir)
    activity = activity_frame(store, types, int(known[-1].time[:4]))
    pairs = truth_pairs(read_truth(known_dir, truth_file), relations, organisation_ids(known),
                        set(activity["candidate_id"]))
    tables = candidate_tables(store, activity, pairs.pairs, types)
    ranked = {head: score_candidates(table, fitted.weights) for head, table in tables.items()}
    metrics = {
        "ranker": summarise(_ranks(ranked, pairs, _column_scores("score"))),
        "popularity": summarise(_ranks(tables, pairs, _column_scores("degree"))),
        "common neighbours": summarise(_ranks(tables, pairs, _column_scores("shared_neighbours"))),
    }
    return EvaluationReport(tuple(relations), pairs, metrics, fitted.weights, fitted.pairs,
                            fitted.inner_cut, ranked)


def ranks_lines(report: EvaluationReport, top: int) -> list[str]:
    """`head<TAB>candidate<TAB>score` by entity name, the ranker's top N per head."""
    lines = []
    for head in sorted(report.ranked, key=lambda h: report.truth.head_names[h]):
        table = report.ranked[head]
        order = ranked_keys(dict(zip(table["candidate_id"], table["score"], strict=True)))[:top]
        names = dict(zip(table["candidate_id"], table["candidate"], strict=True))
        scores = dict(zip(table["candidate_id"], table["score"], strict=True))
        lines += [f"{report.truth.head_names[head]}\t{names[c]}\t{scores[c]:.6f}" for c in order]
    return lines


def format_table(reports: Sequence[EvaluationReport]) -> str:
    """The table: one block per relation set, a row per method, then what was not ranked."""
    out = [f"{'relations':<10} {'method':<18} {'Hits@1':>7} {'Hits@3':>7} {'Hits@10':>8} "
           f"{'MRR':>7} {'pairs':>6}"]
    for report in reports:
        label = ",".join(report.relations)
        for method in METHODS:
            m = report.metrics[method]
            out.append(f"{label:<10} {method:<18} {m.hits_1:>7.3f} {m.hits_3:>7.3f} "
                       f"{m.hits_10:>8.3f} {m.mrr:>7.3f} {m.pairs:>6}")
        t = report.truth
        out.append(f"  {label}: {t.evaluated} of {t.total} (head, tail) pairs evaluated: both "
                   f"ends known; {len(t.unseen_heads)} heads and {len(t.unseen_tails)} tails "
                   "unseen in the known graph")
    return "\n".join(out)


def is_empty(store: GraphStore) -> bool:
    """True when the graph holds no node at all."""
    return run(store, "data.node_counts").frame.empty
