"""The time split of an ICKG folder, and reading a later file through the folder's ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from innochain.errors import LoadError
from innochain.loaders.ickg import read_quadruples
from innochain.loaders.ickg_split import read_truth, write_time_split

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "partner-eval"


def test_split_keeps_the_past_and_the_rest_goes_to_truth(tmp_path: Path) -> None:
    split = write_time_split(FIXTURE / "known", "2024-01-03", tmp_path)
    known = read_quadruples(split.known_dir)  # the ICKG loader reads the known folder as is
    truth = read_truth(split.known_dir, split.truth_file)
    assert (split.known, split.truth) == (4, 7) == (len(known), len(truth))
    assert max(q.time for q in known) < "2024-01-03"
    # a stamp on the cut belongs to the truth side
    assert min(q.time for q in truth) == "2024-01-03"
    assert (split.known_dir / "valid.txt").read_text(encoding="utf-8") == ""
    assert {p.name for p in split.known_dir.iterdir()} == {
        "entity2id.txt", "relation2id.txt", "time2id.txt", "train.txt", "valid.txt", "test.txt"}


def test_split_loses_and_invents_nothing(tmp_path: Path) -> None:
    split = write_time_split(FIXTURE / "known", "2023-06-07", tmp_path)
    rejoined = sorted(read_quadruples(split.known_dir)
                      + read_truth(split.known_dir, split.truth_file))
    assert rejoined == sorted(read_quadruples(FIXTURE / "known"))


def test_truth_is_read_by_name() -> None:
    truth = read_truth(FIXTURE / "known", FIXTURE / "truth.txt")
    assert ("戊能源", "合作", "丙材料", "2024-06-05") in truth
    assert len(truth) == 6


def test_an_unknown_id_names_the_quadruple(tmp_path: Path) -> None:
    bad = tmp_path / "truth.txt"
    bad.write_text("0\t3\t99\t0\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"quadruple 1: tail id '99'"):
        read_truth(FIXTURE / "known", bad)


def test_a_folder_without_quadruple_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "entity2id.txt").write_text("a\t0\n", encoding="utf-8")
    with pytest.raises(LoadError, match="lacks relation2id.txt"):
        write_time_split(tmp_path, "2024-01-01", tmp_path / "out")
