"""Evaluate organisation-name resolution on the shared gold sets.

    python bench/resolve_eval.py [--data ../shared/data] [--json FILE]

Pairwise precision / recall / F1 on ``assignee-names/`` (80 organisations, ~1,700 spellings)
at the string level (each distinct spelling once) and the mention level, for exact strings,
lower-case + legal forms stripped, rapidfuzz token_sort_ratio single linkage, and our
Resolver; short-name <-> registered-name accuracy on chainkg ``company.json`` (held-out half);
seconds per 10,000 names.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, process

from innochain.loaders.entity_resolution import Resolver
from innochain.loaders.name_normalisation import normalise_name

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
ASSIGNEES = Path("assignee-names") / "air-umass-assignees-benchmark.csv"
COMPANIES = Path("chainkg") / "company.json"
SPLIT_SEED = 20240501

Clustering = Callable[[list[str]], dict[str, str]]


def pairwise_scores(gold: pd.Series, predicted: pd.Series) -> dict[str, float]:
    """Pairwise precision, recall and F1 of two labelings of the same items."""
    def pairs(counts: pd.Series) -> int:
        return int((counts * (counts - 1) // 2).sum())

    both = pairs(pd.Series(pd.crosstab(gold.to_numpy(), predicted.to_numpy()).to_numpy().ravel()))
    predicted_pairs, gold_pairs = pairs(predicted.value_counts()), pairs(gold.value_counts())
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def cluster_exact(names: list[str]) -> dict[str, str]:
    """Baseline (a): identical strings only."""
    return {n: n for n in names}


def cluster_stripped(names: list[str]) -> dict[str, str]:
    """Baseline (b): lower case, punctuation and legal forms stripped (place kept)."""
    return {n: normalise_name(n).full_key or n.lower() for n in names}


def cluster_token_sort(threshold: float) -> Clustering:
    """Baseline (c): rapidfuzz token_sort_ratio >= threshold, single linkage."""
    def run(names: list[str]) -> dict[str, str]:
        lowered = [n.lower() for n in names]
        scores = process.cdist(lowered, lowered, scorer=fuzz.token_sort_ratio,
                               score_cutoff=threshold, workers=-1)
        parent = list(range(len(names)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, j in zip(*scores.nonzero(), strict=True):
            parent[find(int(i))] = find(int(j))
        return {n: str(find(i)) for i, n in enumerate(names)}
    return run


def cluster_resolver(names: list[str]) -> dict[str, str]:
    """(d): our Resolver with its default settings."""
    return {n: info.cluster_id for n, info in Resolver().resolve_names(names).items()}


def cluster_resolver_families(names: list[str]) -> dict[str, str]:
    """(d'): our Resolver's clusters joined through their parent (SUBSIDIARY_OF) links, which
    is how the gold set groups organisations (Hoechst Celanese under Hoechst)."""
    info = Resolver().resolve_names(names)
    parent = {i.cluster_id: i.parent_id for i in info.values()}

    def family(cluster_id: str) -> str:
        seen = set()
        while parent.get(cluster_id) and cluster_id not in seen:
            seen.add(cluster_id)
            cluster_id = parent[cluster_id]  # type: ignore[assignment]
        return cluster_id
    return {n: family(i.cluster_id) for n, i in info.items()}


def evaluate_assignees(data: Path) -> list[dict]:
    """Pairwise scores of every method on the assignee gold set, string and mention level."""
    mentions = pd.read_csv(data / ASSIGNEES, dtype=str, keep_default_na=False)
    strings = mentions.drop_duplicates("organization")
    names = strings["organization"].tolist()
    methods: list[tuple[str, Clustering]] = [
        ("exact string", cluster_exact),
        ("lower-case + legal forms stripped", cluster_stripped),
        ("rapidfuzz token_sort_ratio >= 90", cluster_token_sort(90)),
        ("rapidfuzz token_sort_ratio >= 80", cluster_token_sort(80)),
        ("Resolver (ours)", cluster_resolver),
        ("Resolver + parent links (families)", cluster_resolver_families),
    ]
    records = []
    for method, clustering in methods:
        assignment = clustering(names)
        for level, frame in (("string", strings), ("mention", mentions)):
            predicted = frame["organization"].map(assignment)
            scores = pairwise_scores(frame["unique_id"], predicted)
            for metric, value in scores.items():
                records.append({"name": f"{level} {metric} | {method}", "value": value,
                                "unit": "ratio"})
    return records


def short_name_pairs(data: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """chainkg (short name, registered name) pairs split into tuning and held-out halves."""
    lines = (data / COMPANIES).read_text(encoding="utf-8").splitlines()
    pairs = sorted({(row["name"], row["fullname"]) for row in map(json.loads, lines)})
    random.Random(SPLIT_SEED).shuffle(pairs)
    half = len(pairs) // 2
    return pairs[:half], pairs[half:]


def short_name_accuracy(pairs: list[tuple[str, str]]) -> float:
    """Share of pairs whose short and registered names form a cluster with nothing else."""
    resolver = Resolver()
    for short, full in pairs:
        resolver.add(short)
        resolver.add(full)
    clusters = {name: set(c.names) for c in resolver.resolve() for name in c.names}
    hits = sum(clusters[short] == {short, full} for short, full in pairs)
    return hits / len(pairs)


def seconds_per_10k(data: Path) -> float:
    """Wall time of Resolver().resolve() on 10,000 real names (assignees + chainkg)."""
    tuning, held_out = short_name_pairs(data)
    mentions = pd.read_csv(data / ASSIGNEES, dtype=str, keep_default_na=False)
    names = list(dict.fromkeys(
        mentions["organization"].tolist() + [n for pair in tuning + held_out for n in pair]))
    names = names[:10_000]
    resolver = Resolver()
    start = time.perf_counter()
    for name in names:
        resolver.add(name)
    resolver.resolve()
    return (time.perf_counter() - start) * 10_000 / len(names)


def main(argv: list[str] | None = None) -> int:
    """Run every evaluation, print a table, optionally write JSON records."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", type=Path, help="write records {name, value, unit} here")
    args = parser.parse_args(argv)
    if not (args.data / ASSIGNEES).is_file():
        print(f"no gold set at {args.data / ASSIGNEES}: pass --data DIR", file=sys.stderr)
        return 2
    records = evaluate_assignees(args.data)
    tuning, held_out = short_name_pairs(args.data)
    records.append({"name": "short name <-> registered name accuracy | tuning half",
                    "value": short_name_accuracy(tuning), "unit": "ratio"})
    records.append({"name": "short name <-> registered name accuracy | held-out half",
                    "value": short_name_accuracy(held_out), "unit": "ratio"})
    records.append({"name": "Resolver time per 10,000 names", "value": seconds_per_10k(args.data),
                    "unit": "s"})
    print_table(records)
    if args.json:
        args.json.write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 0


def print_table(records: list[dict]) -> None:
    """Methods down, metrics across; the other records below."""
    table: dict[str, dict[str, float]] = {}
    others = []
    for record in records:
        metric, _, method = record["name"].partition(" | ")
        if record["unit"] == "ratio" and metric.split()[0] in ("string", "mention"):
            table.setdefault(method, {})[metric] = record["value"]
        else:
            others.append(record)
    columns = list(Counter(m for row in table.values() for m in row))
    print(f"{'method':<36}" + "".join(f"{c.replace('string', 'str').replace('mention', 'mnt'):>14}"
                                      for c in columns))
    for method, row in table.items():
        print(f"{method:<36}" + "".join(f"{row[c]:>14.3f}" for c in columns))
    for record in others:
        print(f"{record['name']}: {record['value']:.3f} {record['unit']}")


if __name__ == "__main__":
    sys.exit(main())
