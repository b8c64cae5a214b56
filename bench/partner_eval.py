"""Partner ranking on real later links: a time split of the ICKG subset, ranker vs baselines.

    python bench/partner_eval.py [--data ../shared/data] [--cut 2024-06-01] [--fit-weeks 26]
                                 [--json FILE]

Known = quadruples stamped before --cut, truth = on or after it (the subset's own split is
random, so it is not used). The split files go to a temporary folder, never into the
repository (the subset is "use from here only"). For 合作 and 供给 together and each alone:
weights fitted on the known period only, then Hits@1/3/10 and MRR of the ranker, popularity
(degree) and common neighbours on the (head, tail) pairs whose both ends are known.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from innochain.commands.evaluate import scratch_store
from innochain.loaders.ickg_split import write_time_split
from innochain.queries.partner_eval import EvaluationReport, evaluate_partners, format_table

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
RELATION_SETS = (("合作", "供给"), ("合作",), ("供给",))


def run_bench(source: Path, cut: str, fit_weeks: int) -> list[EvaluationReport]:
    """Split, then evaluate each relation set on one scratch store."""
    with tempfile.TemporaryDirectory(prefix="innochain-split-") as tmp:
        split = write_time_split(source, cut, Path(tmp))
        print(f"split at {cut}: {split.known} known quadruples, {split.truth} later", flush=True)
        with scratch_store(None) as store:
            return [evaluate_partners(store, split.known_dir, split.truth_file, relations,
                                      fit_weeks) for relations in RELATION_SETS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cut", default="2024-06-01")
    parser.add_argument("--fit-weeks", type=int, default=26)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    started = time.monotonic()
    reports = run_bench(args.data / "ickg-subset", args.cut, args.fit_weeks)
    print(format_table(reports))
    for report in reports:
        weights = {k: v for k, v in report.weights.items() if v}
        print(f"weights {','.join(report.relations)} (inner cut {report.inner_cut}, "
              f"{report.fit_pairs} pairs): {weights}")
    print(f"{time.monotonic() - started:.0f} s")
    if args.json:
        args.json.write_text(json.dumps({"cut": args.cut, "fit_weeks": args.fit_weeks,
                                         "results": [r.as_dict() for r in reports]},
                                        ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
