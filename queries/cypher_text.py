"""Reading Cypher source as text: where `$parameters` are used, ignoring comments and strings."""

from __future__ import annotations

import re

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def blank_comments_and_strings(cypher: str) -> str:
    """The text with comments, string literals and backtick names blanked out.

    Newlines are kept and every other blanked character becomes a space, so offsets and
    line numbers in the result are those of the original text.
    """
    out: list[str] = []
    i, n = 0, len(cypher)
    while i < n:
        two = cypher[i:i + 2]
        if two == "//":
            end = cypher.find("\n", i)
            end = n if end < 0 else end
        elif two == "/*":
            end = cypher.find("*/", i + 2)
            end = n if end < 0 else end + 2
        elif cypher[i] in "'\"`":
            end = _closing_quote(cypher, i)
        else:
            out.append(cypher[i])
            i += 1
            continue
        out.append(_blank(cypher[i:end]))
        i = end
    return "".join(out)


def _closing_quote(text: str, start: int) -> int:
    """Index just past the quote that closes the literal opened at `start`."""
    quote = text[start]
    i = start + 1
    while i < len(text):
        if text[i] == "\\" and quote != "`":
            i += 2
            continue
        if text[i] == quote:
            return i + 1
        i += 1
    return len(text)


def _blank(text: str) -> str:
    return "".join(ch if ch == "\n" else " " for ch in text)


def used_parameters(cypher: str, first_line: int = 1) -> dict[str, int]:
    """Each `$name` used in the code (not in comments or strings) and the line it first appears."""
    code = blank_comments_and_strings(cypher)
    found: dict[str, int] = {}
    for match in _PARAM.finditer(code):
        found.setdefault(match.group(1), first_line + code.count("\n", 0, match.start()))
    return found


def line_of(text: str, pattern: str, first_line: int = 1) -> int | None:
    """The line number of the first line matching the regular expression `pattern`."""
    for offset, line in enumerate(text.splitlines()):
        if re.search(pattern, line):
            return first_line + offset
    return None
