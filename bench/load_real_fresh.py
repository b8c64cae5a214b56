"""The table `bench/load_real.py --fresh-each` prints: per data set, our load into an empty
graph and, when the peer ran, falkordb-bulk-insert on the same rows, with the ratio."""

from __future__ import annotations

from typing import Any


def print_fresh(results: list[dict[str, Any]], target_ratio: float) -> None:
    """The `--fresh-each` table: each data set's load into an empty graph beside the peer's."""
    peer = all("peer" in r for r in results)
    print(f"\n{'fresh graph':<16} {'read':>7} {'loaded':>7} {'reject':>6} {'wall s':>6} "
          f"{'write s':>7} {'cpu s':>6} {'derive':>6} {'rows/s':>7} {'py peak':>7} "
          f"{'db peak':>7}"
          + (f" {'peer s':>6} {'rows':>7} {'ratio':>5} {'same':>4}" if peer else ""))
    for r in results:
        rate = r["rows_read"] / r["load_seconds"] if r["load_seconds"] else 0.0
        line = (f"{r['kind']:<16} {r['rows_read']:>7} {r['rows_loaded']:>7} "
                f"{r['rows_rejected']:>6} {r['load_seconds']:>6.2f} "
                f"{r['run_load_seconds']:>7.2f} {r['cpu_seconds']:>6.2f} "
                f"{r['derive_seconds']:>6.2f} {rate:>7.0f} "
                f"{r['rss_peak_mib']:>7.0f} {r['db_peak_mib']:>7.0f}")
        if peer:
            p = r["peer"]
            line += (f" {p['seconds']:>6.2f} {p['nodes'] + p['relationships']:>7} "
                     f"{p['seconds'] / r['load_seconds']:>5.2f} "
                     f"{'yes' if r['same_graph'] else 'NO':>4}")
        print(line)
    ours = sum(r["load_seconds"] for r in results)
    derive = sum(r["derive_seconds"] for r in results)
    print(f"wall s: the load_files call (derive=False); cpu s: its CPU time (the load "
          f"process, all threads; less swayed by a busy machine than wall s); derive: "
          f"derive_after for that kind, apart; sum {ours:.1f} s of loads "
          f"({sum(r['cpu_seconds'] for r in results):.1f} s CPU), {derive:.1f} s of derivation")
    if peer:
        theirs = sum(r["peer"]["seconds"] for r in results)
        rows = sum(r["peer"]["nodes"] + r["peer"]["relationships"] for r in results)
        print(f"falkordb-bulk-insert: {rows} rows in {theirs:.1f} s; ratio over all kinds "
              f"{theirs / ours:.2f} (sum of its seconds / sum of ours; target >= "
              f"{target_ratio}), {theirs / (ours + derive):.2f} with our derivation")
        for r in results:
            if not r["same_graph"]:
                diff = {k: (r["shape"].get(k), r["peer"]["shape"].get(k))
                        for k in sorted(set(r["shape"]) | set(r["peer"]["shape"]))
                        if r["shape"].get(k) != r["peer"]["shape"].get(k)}
                print(f"{r['kind']}: graphs differ (ours, peer): {diff}")
