"""The one place that turns an organisation into its node id; every loader calls it.

The USCC (统一社会信用代码) wins when known; otherwise the id is built from the name's
normalised key, so "LONGi Green Energy Technology Co., Ltd." and "LONGi Green Energy
Technology" meet in one node. Entity resolution (aliases, subsidiaries) can be wired in here
later without touching the loaders.

>>> organization_key("NVIDIA Corporation")
'org:nvidia'
>>> organization_key("隆基绿能科技股份有限公司", uscc="91610000 7197 4480 0E")
'uscc:91610000719744800E'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from innochain.loaders.name_normalisation import normalise_name

ID_PREFIXES = ("uscc:", "org:")
# USCC: 18 characters, digits and capital letters without I, O, S, V, Z (GB 32100-2015).
_USCC = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def normalise_uscc(raw: str) -> str:
    """The USCC without spaces or dashes, upper case; ValueError when it is not 18 valid chars."""
    code = re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", raw)).upper()
    if not _USCC.match(code):
        raise ValueError(f"'{raw}' is not a unified social credit code (18 characters, "
                         "digits and capital letters except I, O, S, V, Z)")
    return code


def organization_key(name: str, *, uscc: str | None = None,
                     source_id: str | None = None) -> str:
    """The node id of an organisation: `uscc:<code>` when the USCC is known, else
    `org:<normalised name key>`; `source_id` is the fallback for a name that normalises
    to nothing. ValueError when neither gives a key."""
    if uscc:
        return f"uscc:{normalise_uscc(uscc)}"
    # full_key keeps a Chinese place prefix: 北京银行 and 南京银行 are two banks, not one.
    key = normalise_name(name).full_key if name and name.strip() else ""
    if key:
        return f"org:{key}"
    if source_id and source_id.strip():
        return f"org:src:{source_id.strip()}"
    raise ValueError(f"'{name}' gives no organisation key (empty after removing legal forms)")


def is_organization_id(text: str) -> bool:
    """True when text is already a node id (`uscc:...` or `org:...`)."""
    return text.startswith(ID_PREFIXES)


def reference_key(text: str, known: Mapping[str, str] | None = None) -> str:
    """The node id a template cell names: an id as is, a bare USCC, or a name (via
    `known`, which maps the name keys of organisations already in the graph to their ids)."""
    value = text.strip()
    if is_organization_id(value):
        return value
    compact = re.sub(r"[\s\-]", "", value).upper()
    if _USCC.match(compact):
        return f"uscc:{compact}"
    key = organization_key(value)
    return (known or {}).get(key, key)
