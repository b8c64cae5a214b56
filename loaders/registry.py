"""Every load kind: its loader, a one-line description, and the files it accepts.

`innochain load --help` lists this table; add a kind with one `LoaderSpec` line below.
A loader is `load(paths, context) -> Iterable[NodeRecord | EdgeRecord | Reject]`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from innochain.errors import LoadError
from innochain.loaders import agency_loaders as agency
from innochain.loaders import (
    apple_suppliers,
    cec_pv,
    chainkg,
    ickg,
    pv_litigation,
    pv_supply_links,
    rdf_loader,
)
from innochain.loaders.chain_loader import load_chain
from innochain.loaders.cnipa import load_cnipa
from innochain.loaders.ipc_scheme import load_ipc_scheme, load_ipc_technology, load_ipc_titles
from innochain.loaders.load_context import LoadContext
from innochain.loaders.patentsview import load_patentsview
from innochain.loaders.records import Record

Loader = Callable[[Sequence[Path], LoadContext], Iterable[Record]]
TABLES = (".csv", ".xlsx")


@dataclass(frozen=True)
class LoaderSpec:
    """One kind of load. `derives_segments`: patents changed, so chain membership is
    derived again afterwards; `accepts_directory`: a folder stands for the files in it;
    `resolves`: organisation names go through entity resolution (not for kinds that name no
    organisation, the classification schemes and chain templates, whose resolution pass was
    a second read of the file for nothing; nor for RDF, whose IRIs already are the resolved
    ids of the graph it came from)."""

    kind: str
    load: Loader
    description: str
    file_types: tuple[str, ...] = TABLES
    accepts_directory: bool = False
    derives_segments: bool = False
    resolves: bool = True


LOADERS: tuple[LoaderSpec, ...] = (
    LoaderSpec("parks", agency.load_parks, "园区 parks (load before organisations)"),
    LoaderSpec("organizations", agency.load_organizations,
               "机构 organisations (firms, institutes, agencies, government, alliances)"),
    LoaderSpec("supply-links", agency.load_supply_links, "供应关系 supplier -> customer links"),
    LoaderSpec("licences", agency.load_licences, "许可 patent licences between organisations"),
    LoaderSpec("alliances", agency.load_alliances, "联盟成员 alliance memberships"),
    LoaderSpec("standards", agency.load_standards, "标准 standards and declared essential patents"),
    LoaderSpec("cases", agency.load_cases, "纠纷 disputes: parties and asserted patents"),
    LoaderSpec("products", agency.load_products, "产品 products, their makers and segments"),
    LoaderSpec("patentsview", load_patentsview,
               "USPTO PatentsView g_* tables (patents, assignees, inventors, CPC)",
               (".csv", ".tsv"), accepts_directory=True, derives_segments=True),
    LoaderSpec("cnipa", load_cnipa, "CNIPA / incoPat / PatSnap patent exports",
               (".csv", ".xlsx"), derives_segments=True),
    LoaderSpec("ipc", load_ipc_scheme, "WIPO IPC scheme all_ipc.csv (symbol<TAB>title)",
               (".csv", ".tsv", ".txt"), resolves=False),
    LoaderSpec("ipc-titles", load_ipc_titles,
               "IPC titles table symbol,wipo14,level,title_en (seed_data/reference)", (".csv",),
               resolves=False),
    LoaderSpec("ipc-technology", load_ipc_technology,
               "WIPO IPC-technology concordance (35 fields) as Industry nodes", (".csv",),
               resolves=False),
    LoaderSpec("rdf", rdf_loader.load_rdf, rdf_loader.DESCRIPTION, rdf_loader.FILE_TYPES,
               resolves=False),
    LoaderSpec("chain", load_chain,
               "chain template YAML; then derives patents' segment membership",
               (".yaml", ".yml"), resolves=False),
)



def _pv_chain_loader(records: Callable[..., Iterable[Record]]) -> Loader:
    """The PV data sets link to the `pv` chain's segments only when that chain is loaded."""
    def load(paths: Sequence[Path], context: LoadContext) -> Iterable[Record]:
        return records(list(paths), chain="pv" if "pv" in context.chains else None)
    return load


def _plain_loader(records: Callable[[list[Path]], Iterable[Record]]) -> Loader:
    def load(paths: Sequence[Path], context: LoadContext) -> Iterable[Record]:
        return records(list(paths))
    return load


LOADERS += (
    LoaderSpec(cec_pv.KIND, _pv_chain_loader(cec_pv.records), cec_pv.DESCRIPTION, (".csv",)),
    LoaderSpec(pv_supply_links.KIND, _pv_chain_loader(pv_supply_links.records),
               pv_supply_links.DESCRIPTION, (".csv",)),
    LoaderSpec(pv_litigation.KIND, _plain_loader(pv_litigation.records),
               pv_litigation.DESCRIPTION, (".csv",)),
    LoaderSpec(apple_suppliers.KIND, _plain_loader(apple_suppliers.records),
               apple_suppliers.DESCRIPTION, (".csv",)),
    LoaderSpec(chainkg.KIND, _plain_loader(chainkg.records), chainkg.DESCRIPTION, (".json",),
               accepts_directory=True),
    LoaderSpec(ickg.KIND, _plain_loader(ickg.records), ickg.DESCRIPTION, (".txt",),
               accepts_directory=True),
)

REGISTRY: dict[str, LoaderSpec] = {spec.kind: spec for spec in LOADERS}


def loader_spec(kind: str) -> LoaderSpec:
    """The spec of a kind; LoadError naming the closest kinds for a typo."""
    try:
        return REGISTRY[kind]
    except KeyError:
        close = difflib.get_close_matches(kind, REGISTRY, n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(close)}?" if close else \
            f"kinds: {', '.join(REGISTRY)}"
        raise LoadError(f"unknown load kind '{kind}'; {hint}") from None


def check_paths(spec: LoaderSpec, paths: Sequence[Path]) -> None:
    """One-line LoadError for a missing path, a folder where a file is needed, a wrong type."""
    if not paths:
        raise LoadError(f"{spec.kind}: give at least one file")
    for path in paths:
        if not path.exists():
            raise LoadError(f"{path}: no such file; check the path")
        if path.is_dir():
            if spec.accepts_directory:
                continue
            raise LoadError(f"{path} is a directory; {spec.kind} needs a file "
                            f"({', '.join(spec.file_types)})")
        if path.suffix.lower() not in spec.file_types:
            raise LoadError(f"{path}: {spec.kind} reads {', '.join(spec.file_types)} files, "
                            f"not '{path.suffix or 'no extension'}'")
