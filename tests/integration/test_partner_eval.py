"""`innochain evaluate partners` on a tiny hand-made set, and the real ICKG time split."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from innochain.commands.evaluate import evaluate
from innochain.graph.falkordb_store import FalkorDBStore
from innochain.loaders.ickg_split import write_time_split
from innochain.queries.partner_eval import evaluate_partners

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "partner-eval"
ARGS = ["partners", "--known", str(FIXTURE / "known"), "--truth", str(FIXTURE / "truth.txt")]


@pytest.mark.falkordb
def test_command_prints_the_table_and_writes_ranks(tmp_path: Path) -> None:
    ranks = tmp_path / "ranks.tsv"
    result = CliRunner().invoke(evaluate, [*ARGS, "--ranks-out", str(ranks), "--top", "2"])
    assert result.exit_code == 0, result.output
    out = result.output
    for method in ("ranker", "popularity", "common neighbours"):
        assert method in out
    assert "Hits@10" in out and "MRR" in out
    # 5 distinct pairs of 合作/供给; 辛机器人 (head) and 壬新材料 (tail) are not in the
    # known period: counted and reported, the other 3 pairs ranked
    assert "3 of 5 (head, tail) pairs evaluated" in out
    assert "1 heads and 1 tails unseen" in out
    lines = ranks.read_text(encoding="utf-8").splitlines()
    heads = [line.split("\t")[0] for line in lines]
    assert heads == ["庚软件", "庚软件", "戊能源", "戊能源", "甲科技", "甲科技"]
    for line in lines:
        head, candidate, score = line.split("\t")
        assert candidate != head and float(score) >= 0


@pytest.mark.falkordb
def test_one_relation_and_a_head_with_no_known_links(tmp_path: Path) -> None:
    # 供给 alone: the one pair's head 庚软件 has no 供给 link, only a rivalry; still ranked
    result = CliRunner().invoke(evaluate, [*ARGS, "--relations", "供给"])
    assert result.exit_code == 0, result.output
    assert "1 of 1 (head, tail) pairs evaluated" in result.output


@pytest.mark.falkordb
def test_uri_must_name_an_empty_graph(falkordb_dir: Path) -> None:
    graph = f"t_{uuid.uuid4().hex[:12]}"
    uri = f"falkordb://{falkordb_dir}?graph={graph}"
    result = CliRunner().invoke(evaluate, [*ARGS, "--uri", uri])
    assert result.exit_code == 0, result.output
    store = FalkorDBStore(uri, data_dir=falkordb_dir, graph=graph)
    try:
        assert store.run("MATCH (n) RETURN count(n) AS n")["n"][0] == 0  # emptied after
        store.run("CREATE (:Organization {id: 'org:mine'})", read_only=False)
        refused = CliRunner().invoke(evaluate, [*ARGS, "--uri", uri])
        assert refused.exit_code != 0 and "not empty" in str(refused.exception)
    finally:
        store.clear()
        store.close()


def test_an_unrankable_relation_is_refused() -> None:
    result = CliRunner().invoke(evaluate, [*ARGS, "--relations", "涉足行业"])
    assert result.exit_code != 0
    assert "cannot be ranked as a partner link" in str(result.exception)


@pytest.mark.falkordb
@pytest.mark.shared_data
def test_ranker_beats_popularity_on_the_real_time_split(
        shared_data: Path, falkordb_store: FalkorDBStore, tmp_path: Path) -> None:
    split = write_time_split(shared_data / "ickg-subset", "2024-06-01", tmp_path)
    report = evaluate_partners(falkordb_store, split.known_dir, split.truth_file,
                               ("合作", "供给"))
    assert report.truth.evaluated > 400
    assert report.metrics["ranker"].hits_10 > report.metrics["popularity"].hits_10
