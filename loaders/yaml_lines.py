"""A YAML reader that keeps line numbers, so a template's problems are reported as file:line.

PyYAML's SafeLoader forgets where a mapping came from and keeps the last of two equal keys
silently; `LineLoader` records both (`LineDict.line`, `.key_lines`, `.duplicate_keys`).
"""

from __future__ import annotations

from typing import Any

import yaml


class LineDict(dict[str, Any]):
    """A mapping that remembers the YAML line it starts on and the line of each key."""

    def __init__(self) -> None:
        super().__init__()
        self.line = 0
        self.key_lines: dict[str, int] = {}


class LineLoader(yaml.SafeLoader):
    """SafeLoader that records line numbers and reports duplicate keys."""

    duplicate_keys: list[tuple[int, str]]


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in result:
            # PyYAML keeps the last value silently; a template author would never notice.
            loader.duplicate_keys.append((line, str(key)))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = line
    return result


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
