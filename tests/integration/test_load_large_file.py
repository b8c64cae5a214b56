"""A 200 MB patent-office export loads completely, in bounded memory, with every row accounted.

The export (CNIPA columns, 100,000 patents with long Chinese abstracts, a few bad rows) is
generated into tmp_path. The load runs in a child process, as `innochain load cnipa FILE`
would, so that its peak resident memory (ru_maxrss) is its own: it must grow by well under
the file's size over the process's size before the load (the reader streams the file; the
writer holds one batch). Only the embedded FalkorDB: the property is the loader's and the
writer's, and a 300,000-row load on Neo4j takes minutes here.
"""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from innochain.graph.falkordb_store import FalkorDBStore
from innochain.loaders.load_files import load_files

pytestmark = [pytest.mark.slow, pytest.mark.falkordb]

ROWS, BAD_EVERY, ABSTRACT_CHARS = 100_000, 10_000, 640
APPLICANTS = ("隆基绿能科技股份有限公司", "天合光能股份有限公司", "晶科能源股份有限公司",
              "通威股份有限公司", "阳光电源股份有限公司", "福斯特应用材料股份有限公司",
              "爱旭太阳能科技股份有限公司", "Canadian Solar Inc.", "First Solar Inc.",
              "西安交通大学", "中国科学院电工研究所")
IPC = ("H01L 31/18", "H01L 31/0224", "H02S 40/34", "C30B 29/06", "H02M 7/5387", "B32B 17/10")
WORDS = ("本发明公开了一种太阳能电池及其制备方法包括硅片钝化层减反射膜"
         "电极浆料烧结工艺组件封装逆变器储能")
HEADER = ("公开(公告)号", "申请号", "申请日", "公开(公告)日", "申请(专利权)人", "IPC分类号",
          "主分类号", "名称", "摘要", "法律状态")
# The child: one load_files call, then its report and its peak memory as one JSON line.
CHILD = """
import json, resource, sys
from pathlib import Path
from innochain.graph.connect import open_store
from innochain.loaders.load_files import load_files
from innochain.settings import Settings
store = open_store(Settings(graph_uri=sys.argv[1]))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
report = load_files(store, "cnipa", [Path(sys.argv[2])]).report
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
store.close()
print(json.dumps({"read": report.rows_read, "loaded": report.rows_loaded,
                  "rejected": report.rows_rejected, "before_kib": before, "peak_kib": peak,
                  "rejected_lines": sorted({r.line for r in report.rejects})}))
"""


def write_export(path: Path) -> list[int]:
    """The export; returns the file lines of the rows with a malformed publication number."""
    rng = random.Random(20250101)
    abstracts = ["".join(rng.choice(WORDS) for _ in range(ABSTRACT_CHARS)) for _ in range(997)]
    bad = []
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        for i in range(ROWS):
            number = f"CN{110000000 + i}A"
            if i % BAD_EVERY == BAD_EVERY // 2:
                number = f"CN-{i}-X?"
                bad.append(i + 2)  # header is line 1
            ipc = IPC[i % len(IPC)]
            out.writerow([number, f"CN2020{10_000_000 + i}.X", f"2020-{1 + i % 12:02d}-15",
                          "2021-06-01", APPLICANTS[i % len(APPLICANTS)],
                          f"{ipc};{IPC[(i + 1) % len(IPC)]}", ipc, f"光伏组件第{i}号",
                          f"第{i}号：{abstracts[i % len(abstracts)]}", "有效"])
    return bad


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[int]]:
    path = tmp_path_factory.mktemp("large") / "cnipa-export.csv"
    bad = write_export(path)
    assert path.stat().st_size > 200_000_000  # 200 MB
    return path, bad


def _load_in_child(store: FalkorDBStore, falkordb_dir: Path, path: Path,
                   cwd: Path) -> dict[str, Any]:
    uri = f"falkordb://{falkordb_dir}?graph={store.graph_name}"
    done = subprocess.run([sys.executable, "-c", CHILD, uri, str(path)], cwd=cwd,
                          capture_output=True, text=True, timeout=1800, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _check(store: FalkorDBStore, result: dict[str, Any], path: Path, bad: list[int]) -> None:
    assert result["read"] == ROWS
    assert result["read"] == result["loaded"] + result["rejected"]
    assert result["rejected_lines"] == bad
    growth = (result["peak_kib"] - result["before_kib"]) * 1024
    assert growth < path.stat().st_size / 2, \
        f"the load grew the process by {growth / 2**20:.0f} MiB for a " \
        f"{path.stat().st_size / 2**20:.0f} MiB file"
    counts = store.run("MATCH (p:Patent) RETURN count(p) AS patents, "
                       "sum(size(p.abstract)) AS chars").iloc[0]
    assert counts["patents"] == result["loaded"]
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        next(rows)
        expected_chars = sum(len(r[8]) for line, r in enumerate(rows, start=2)
                             if line not in bad)
    assert counts["chars"] == expected_chars  # every accepted abstract, whole
    owned = store.run("MATCH (:Organization)-[r:OWNS]->(:Patent) RETURN count(r) AS n")
    assert owned.iloc[0]["n"] == result["loaded"]


def test_a_200_mb_export_loads_in_bounded_memory_next_to_known_organisations(
        falkordb_store: FalkorDBStore, falkordb_dir: Path, export: tuple[Path, list[int]],
        tmp_path: Path) -> None:
    """The usual order: the agency's organisations first, then the patent export."""
    orgs = tmp_path / "organizations.csv"
    orgs.write_text("name,role\n" + "".join(
        f'"{name}",{"institute" if "大学" in name or "研究所" in name else "firm"}\n'
        for name in APPLICANTS), encoding="utf-8")
    load_files(falkordb_store, "organizations", [orgs])
    path, bad = export
    result = _load_in_child(falkordb_store, falkordb_dir, path, tmp_path)
    _check(falkordb_store, result, path, bad)
    organisations = falkordb_store.run("MATCH (o:Organization) RETURN count(o) AS n")
    assert organisations.iloc[0]["n"] == len(APPLICANTS)  # applicants found the loaded nodes


def test_a_200_mb_export_loads_in_bounded_memory_into_an_empty_graph(
        falkordb_store: FalkorDBStore, falkordb_dir: Path, export: tuple[Path, list[int]],
        tmp_path: Path) -> None:
    path, bad = export
    result = _load_in_child(falkordb_store, falkordb_dir, path, tmp_path)
    _check(falkordb_store, result, path, bad)
