"""Chinese patent-office style exports (CNIPA, incoPat, PatSnap) as CSV or XLSX.

Headers are matched in Chinese or English (`公开(公告)号` / `Publication Number` ...).
Patent id = normalised publication number; applicants become organisations through
`organization_key`; IPC codes become CPC nodes with scheme `ipc`; `year` is the filing year
(the publication year when the export has no filing date).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from innochain.loaders.classification_nodes import ClassNodes
from innochain.loaders.ipc_symbols import normalize_symbol
from innochain.loaders.load_context import LoadContext
from innochain.loaders.organization_ids import organization_key
from innochain.loaders.publication_numbers import (
    normalise_application_number,
    parse_publication_number,
)
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject
from innochain.loaders.tabular import ColumnError, ColumnSpec, read_table, typed_row

SOURCE = "cnipa"
COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("publication_number", "text", True,
               ("公开(公告)号", "公开号", "公告号", "公开公告号"),
               ("Publication Number", "Publication No", "Publication No.", "PN")),
    ColumnSpec("application_number", "text", False, ("申请号",),
               ("Application Number", "Application No", "Application No.", "AN")),
    ColumnSpec("filing_date", "date", False, ("申请日",),
               ("Application Date", "Filing Date", "AD")),
    ColumnSpec("publication_date", "date", False,
               ("公开(公告)日", "公开日", "公告日", "公开公告日"),
               ("Publication Date", "PD")),
    ColumnSpec("grant_date", "date", False, ("授权日", "授权公告日"), ("Grant Date",)),
    ColumnSpec("applicants", "text", False,
               ("申请(专利权)人", "申请人", "专利权人", "当前申请(专利权)人", "申请（专利权）人"),
               ("Applicant", "Applicants", "Assignee", "Assignees", "Current Assignee",
                "Applicant/Assignee")),
    ColumnSpec("inventors", "text", False, ("发明人", "设计人", "发明(设计)人"),
               ("Inventor", "Inventors")),
    ColumnSpec("ipc", "text", False, ("IPC分类号", "IPC", "分类号", "IPC分类"),
               ("IPC Classification", "IPC Code", "IPC Codes")),
    ColumnSpec("main_class", "text", False, ("主分类号", "IPC主分类", "主IPC"),
               ("Main IPC", "Main Classification", "Main IPC Classification")),
    ColumnSpec("title", "text", False, ("名称", "标题", "发明名称", "专利名称"), ("Title",)),
    ColumnSpec("abstract", "text", False, ("摘要",), ("Abstract",)),
    ColumnSpec("status", "text", False, ("法律状态", "当前法律状态", "简单法律状态"),
               ("Legal Status", "Status")),
    ColumnSpec("family_id", "text", False, ("同族", "同族号", "简单同族", "同族ID", "INPADOC同族"),
               ("Family ID", "Simple Family", "INPADOC Family", "Family")),
)
_SPLIT = re.compile(r"\s*[;；|,，]\s*")
_EDITION = re.compile(r"\(\d{4}\.\d{2}\)\s*[IN]?\s*$")
_INSTITUTE_WORDS = ("大学", "学院", "研究院", "研究所", "科学院", "university", "institute",
                    "college", "academy")


def _items(text: str | None) -> list[str]:
    out: list[str] = []
    for item in _SPLIT.split(text or ""):
        if item and item not in out:
            out.append(item)
    return out


def _classes(row: dict[str, Any]) -> tuple[list[str], str | None]:
    """Canonical IPC codes of a row and its main class; ColumnError on a bad code."""
    codes: list[str] = []
    for field in ("main_class", "ipc"):
        for raw in _items(row.get(field)):
            try:
                code = normalize_symbol(_EDITION.sub("", raw))
            except ValueError as exc:
                raise ColumnError(field, raw, str(exc)) from None
            if code not in codes:
                codes.append(code)
    main = codes[0] if codes else None  # main class first, else the first IPC listed
    return codes, main


def _role(name: str) -> str:
    folded = name.casefold()
    return "institute" if any(w in folded for w in _INSTITUTE_WORDS) else "firm"


def _patent_props(row: dict[str, Any], jurisdiction: str, kind: str,
                  main: str | None) -> dict[str, Any]:
    filed, published = row.get("filing_date"), row.get("publication_date")
    year_from = filed or published
    application = row.get("application_number")
    if application:
        try:
            application = normalise_application_number(application, jurisdiction)
        except ValueError as exc:
            raise ColumnError("application_number", application, str(exc)) from None
    props = {"title": row.get("title"), "abstract": row.get("abstract"),
             "jurisdiction": jurisdiction, "kind": kind or None,
             "application_number": application, "filing_date": filed,
             "publication_date": published, "grant_date": row.get("grant_date"),
             "year": int(year_from[:4]) if year_from else None, "status": row.get("status"),
             "family_id": row.get("family_id"), "main_class": main, "source": SOURCE}
    return {k: v for k, v in props.items() if v is not None}


def person_key(name: str, first_org: str | None) -> str:
    """`person:<normalised name>|<first org id>`; the organisation tells namesakes apart."""
    folded = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return f"person:{folded}|{first_org or ''}"


def _row_records(row: dict[str, Any], origin: Origin, classes: ClassNodes) -> list[Record]:
    try:
        number = parse_publication_number(row["publication_number"])
    except ValueError as exc:
        raise ColumnError("publication_number", row["publication_number"], str(exc)) from None
    pid = str(number)
    codes, main = _classes(row)
    records: list[Record] = [NodeRecord("Patent", pid, _patent_props(
        row, number.country, number.kind, main), origin)]
    owners: list[str] = []
    for seq, name in enumerate(_items(row.get("applicants"))):
        try:
            key = organization_key(name)
        except ValueError as exc:
            raise ColumnError("applicants", name, str(exc)) from None
        owners.append(key)
        role = _role(name)
        records.append(NodeRecord("Organization", key, {"name": name, "role": role,
                                                        "source": SOURCE}, origin,
                                  role=role.capitalize()))
        records.append(EdgeRecord("OWNS", "Organization", key, "Patent", pid,
                                  {"sequence": seq, "source": SOURCE}, origin))
    for seq, name in enumerate(_items(row.get("inventors"))):
        person = person_key(name, owners[0] if owners else None)
        records.append(NodeRecord("Person", person, {"name": name, "source": SOURCE}, origin))
        records.append(EdgeRecord("INVENTED", "Person", person, "Patent", pid,
                                  {"sequence": seq, "source": SOURCE}, origin))
    for code in codes:
        records.extend(classes.records(code, origin))
        records.append(EdgeRecord("CLASSIFIED_AS", "Patent", pid, "CPC", code,
                                  {"main": code == main, "source": SOURCE}, origin))
    return records


def load_cnipa(paths: Sequence[Path], context: LoadContext) -> Iterator[Record]:
    """Patent, Organization, Person and IPC records from CNIPA/incoPat/PatSnap exports."""
    classes = ClassNodes("ipc", SOURCE)
    for path in paths:
        for item in read_table(path, COLUMNS):
            if isinstance(item, Reject):
                yield item
                continue
            line, raw = item
            origin = Origin(str(path), line)
            try:
                yield from _row_records(typed_row(raw, COLUMNS), origin, classes)
            except ColumnError as exc:
                yield exc.reject(str(path), line)
