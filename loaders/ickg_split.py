"""Time splits of an ICKG folder, and reading a later quadruple file against a folder's ids.

The ICKG subset's own train/valid/test split is random, so it leaks the future into the
past. A time split keeps every quadruple stamped before the cut as the known graph and every
one stamped on or after it as the truth:

- `write_time_split(src, cut, out)` writes `out/known/` (the three id tables copied, every
  known quadruple in `train.txt`, empty `valid.txt` and `test.txt`, so the ICKG loader reads
  it unchanged) and `out/truth.txt` (later quadruples, same id format).
- `read_truth(known_dir, file)` reads such a file by name through the folder's id tables.

Split files are data derived from the source: write them to a temporary folder, never into
the repository (the ICKG subset is "use from here only").
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from innochain.errors import LoadError
from innochain.loaders.ickg import QUADRUPLE_FILES, Quadruple

ID_TABLES = ("entity2id.txt", "relation2id.txt", "time2id.txt")


@dataclass(frozen=True)
class SplitFiles:
    """Where a split was written and how many quadruples fell on each side."""

    known_dir: Path
    truth_file: Path
    known: int
    truth: int


def _names(path: Path, sep: str, name_first: bool) -> dict[str, str]:
    """id (as text) -> name of one id table; LoadError naming the line when malformed."""
    table: dict[str, str] = {}
    for line_no, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.rsplit(sep, 1) if name_first else line.split(sep, 1)
        name, number = (parts[0], parts[-1]) if name_first else (parts[-1], parts[0])
        if len(parts) != 2 or not number.strip().isdigit():
            raise LoadError(f"{path}:{line_no}: expected name and id separated by {sep!r}")
        table[number.strip()] = name.strip()
    return table


def check_folder(folder: Path) -> None:
    """LoadError unless the folder holds the id tables and the three quadruple files."""
    missing = [n for n in (*ID_TABLES, *QUADRUPLE_FILES) if not (Path(folder) / n).is_file()]
    if missing:
        raise LoadError(f"{folder} lacks {', '.join(missing)}: an ICKG folder holds "
                        f"{', '.join(ID_TABLES + QUADRUPLE_FILES)} (empty quadruple files "
                        "are fine)")


def _quadruple_lines(path: Path) -> list[list[str]]:
    """The id cells of every non-empty line of a quadruple file; LoadError on a short line."""
    rows = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 4:
            raise LoadError(f"{path}:{line_no}: expected head<TAB>rel<TAB>tail<TAB>time ids")
        rows.append(cells)
    return rows


def read_truth(known_dir: Path, truth_file: Path) -> list[Quadruple]:
    """The quadruples of a file by name, ids looked up in the known folder's tables,
    sorted by time; LoadError naming the line for an id no table lists."""
    check_folder(known_dir)
    entities = _names(known_dir / "entity2id.txt", "\t", True)
    relations = _names(known_dir / "relation2id.txt", "\t", True)
    times = _names(known_dir / "time2id.txt", ",", False)
    out = []
    for index, (h, r, t, ti) in enumerate(_quadruple_lines(truth_file), 1):
        unknown = [(what, v) for what, v, table in (("head", h, entities), ("rel", r, relations),
                                                    ("tail", t, entities), ("time", ti, times))
                   if v not in table]
        if unknown:
            raise LoadError(f"{truth_file}: quadruple {index}: {unknown[0][0]} id "
                            f"{unknown[0][1]!r} is not in {known_dir}'s id tables")
        out.append(Quadruple(entities[h], relations[r], entities[t], times[ti]))
    return sorted(out, key=lambda q: (q.time, q.head, q.rel, q.tail))


def write_time_split(source: Path, cut: str, out_dir: Path) -> SplitFiles:
    """Known = quadruples stamped before `cut` (ISO date), truth = on or after it."""
    check_folder(source)
    times = _names(source / "time2id.txt", ",", False)
    rows = [cells for name in QUADRUPLE_FILES for cells in _quadruple_lines(source / name)]
    bad = next((cells for cells in rows if cells[3] not in times), None)
    if bad is not None:
        raise LoadError(f"{source}: time id {bad[3]!r} is not in time2id.txt")

    def order(cells: list[str]) -> tuple[str, int, int, int]:
        return (times[cells[3]], int(cells[0]), int(cells[1]), int(cells[2]))

    known = sorted((c for c in rows if times[c[3]] < cut), key=order)
    truth = sorted((c for c in rows if times[c[3]] >= cut), key=order)
    known_dir = Path(out_dir) / "known"
    known_dir.mkdir(parents=True, exist_ok=True)
    for name in ID_TABLES:
        shutil.copyfile(source / name, known_dir / name)
    (known_dir / "train.txt").write_text("".join("\t".join(c) + "\n" for c in known),
                                         encoding="utf-8")
    for name in QUADRUPLE_FILES[1:]:
        (known_dir / name).write_text("", encoding="utf-8")
    truth_file = Path(out_dir) / "truth.txt"
    truth_file.write_text("".join("\t".join(c) + "\n" for c in truth), encoding="utf-8")
    return SplitFiles(known_dir, truth_file, len(known), len(truth))
